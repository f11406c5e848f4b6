import { useForumLockThreadMutation, useForumPinThreadMutation } from '@anyam/client/graphql';
import { Button, useAnnounce } from '@anyam/client/ui';
import { Lock, LockOpen, Pin, PinOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useForumErrorMessage } from '../problems';

const icon = { className: 'an-icon', 'aria-hidden': true, focusable: false } as const;

/** Moderators' controls of a thread: pin or unpin, lock or unlock (and more, passed as children). */
export function ThreadModeration({ threadId, pinned, locked, children }: { threadId: string; pinned: boolean; locked: boolean; children?: ReactNode }) {
  const { t } = useTranslation('forum');
  const announce = useAnnounce();
  const errorMessage = useForumErrorMessage();
  const [pin, pinState] = useForumPinThreadMutation();
  const [lock, lockState] = useForumLockThreadMutation();

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      announce(done);
    } catch (err) {
      announce(errorMessage(err).message, 'assertive');
    }
  };

  return (
    <section className="an-forum-moderation" aria-labelledby="forum-moderation">
      <h2 id="forum-moderation" className="an-forum-moderation__title">
        {t('moderation.threadTools')}
      </h2>
      <div className="an-actions">
        <Button
          variant="secondary"
          busy={pinState.loading}
          onClick={() => void run(() => pin({ variables: { threadId, pinned: !pinned } }), pinned ? t('moderation.unpinned') : t('moderation.pinned'))}
        >
          {pinned ? <PinOff {...icon} /> : <Pin {...icon} />}
          {pinned ? t('moderation.unpin') : t('moderation.pin')}
        </Button>
        <Button
          variant="secondary"
          busy={lockState.loading}
          onClick={() => void run(() => lock({ variables: { threadId, locked: !locked } }), locked ? t('moderation.unlocked') : t('moderation.locked'))}
        >
          {locked ? <LockOpen {...icon} /> : <Lock {...icon} />}
          {locked ? t('moderation.unlock') : t('moderation.lock')}
        </Button>
        {children}
      </div>
    </section>
  );
}
