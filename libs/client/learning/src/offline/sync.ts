import type { ApolloClient } from '@apollo/client';
import { hasCode, LearningCompleteLessonDocument, LearningSyncProgressDocument, readApiProblems } from '@anyam/client/graphql';
import { isNetworkError } from './connectivity';
import { progressQueue } from './offline-db';
import type { FlushResult, QueuedCompletion, SendCompletions, SyncOutcome } from './progress-queue';

const LOCK = 'anyam-progress-sync';

/** Runs `task` while no other tab of this browser syncs (each would otherwise send the same queue). */
function withTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK, task) as Promise<T>) : task();
}

/** The part of Apollo Client the sender uses (a fake one in the unit tests). */
export type Mutator = Pick<ApolloClient, 'mutate'>;

/**
 * Sends waiting completions with `syncProgress`, each with the time it happened on the device. A batch the
 * server refuses as a whole (say, one lesson was deleted meanwhile) is retried one entry at a time, so one
 * bad entry never holds back the others; no connection or no session keeps everything queued (throws).
 */
export function progressSender(client: Mutator): SendCompletions {
  const send = async (entries: QueuedCompletion[]): Promise<SyncOutcome> => {
    try {
      await client.mutate({
        mutation: LearningSyncProgressDocument,
        variables: { input: entries.map((e) => ({ lessonId: e.lessonId, state: 'COMPLETED' as const, at: e.completedAt })) },
      });
      // Accepted: applied now, or already there (completing twice is one completion).
      return { done: entries.map((e) => e.lessonId), refused: [] };
    } catch (error) {
      if (isNetworkError(error) || hasCode(error, 'UNAUTHENTICATED') || hasCode(error, 'RATE_LIMITED')) throw error;
      if (entries.length === 1 && readApiProblems(error).some((p) => p.reason === 'future')) {
        // The device's clock runs ahead of the server's: record it at the server's time instead of losing it.
        await client.mutate({ mutation: LearningCompleteLessonDocument, variables: { input: { lessonId: entries[0].lessonId } } });
        return { done: [entries[0].lessonId], refused: [] };
      }
      if (entries.length === 1) {
        const refusedForGood = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'].some((code) => hasCode(error, code));
        if (refusedForGood) return { done: [], refused: [entries[0].lessonId] };
        throw error;
      }
      const outcome: SyncOutcome = { done: [], refused: [] };
      for (const entry of entries) {
        const one = await send([entry]);
        outcome.done.push(...one.done);
        outcome.refused.push(...one.refused);
      }
      return outcome;
    }
  };
  return send;
}

/** Sends the member's waiting completions now (one sync per browser at a time). */
export function syncProgressNow(client: ApolloClient, memberId: string): Promise<FlushResult> {
  return withTabLock(() => progressQueue.flush(memberId, progressSender(client)));
}
