import { useForumSaveDraftMutation } from '@anyam/client/graphql';
import { useCallback, useEffect, useRef, useState } from 'react';

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed';
export const DRAFT_DELAY_MS = 1500;

/**
 * Saves the reply box as the member's draft of the thread, 1.5 s after they stop typing (and when they
 * leave the page); an empty box discards it. `state` drives the "Draft saved" line.
 */
export function useDraftAutosave(threadId: string, enabled: boolean) {
  const [saveDraft] = useForumSaveDraftMutation();
  const [state, setState] = useState<DraftState>('idle');
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const lastSaved = useRef<string | null>(null);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const body = pending.current;
    pending.current = null;
    if (body === null || body === lastSaved.current) return;
    setState('saving');
    saveDraft({ variables: { threadId, body } }).then(
      () => {
        lastSaved.current = body;
        setState(body ? 'saved' : 'idle');
      },
      () => setState('failed'),
    );
  }, [saveDraft, threadId]);

  const changed = useCallback(
    (body: string) => {
      if (!enabled) return;
      pending.current = body;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, DRAFT_DELAY_MS);
    },
    [enabled, flush],
  );

  /** The reply was sent: the server has cleared the draft. */
  const sent = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
    lastSaved.current = '';
    setState('idle');
  }, []);

  /** What the server already has (restored into the box), so it is not saved again. */
  const restored = useCallback((body: string) => {
    lastSaved.current = body;
  }, []);

  useEffect(() => flush, [flush]); // leaving the page saves what was typed
  return { state, changed, sent, restored };
}
