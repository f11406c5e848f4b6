import { useForumUnwatchMutation, useForumWatchMutation } from '@anyam/client/graphql';
import { Button, useAnnounce } from '@anyam/client/ui';
import { Bell, BellOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useForumErrorMessage } from '../problems';

const icon = { className: 'an-icon', 'aria-hidden': true, focusable: false } as const;

/** Watch or stop watching a thread or a group: its new posts come as notifications. */
export function WatchButton({ threadId, groupId, watching }: { threadId?: string; groupId?: string; watching: boolean }) {
  const { t } = useTranslation('forum');
  const announce = useAnnounce();
  const errorMessage = useForumErrorMessage();
  const [watch, watchState] = useForumWatchMutation();
  const [unwatch, unwatchState] = useForumUnwatchMutation();
  const what = threadId ? 'thread' : 'group';
  const variables = threadId ? { threadId } : { groupId };
  const toggle = async () => {
    try {
      if (watching) await unwatch({ variables });
      else await watch({ variables });
      announce(t(watching ? `watch.${what}Stopped` : `watch.${what}Started`));
    } catch (err) {
      announce(errorMessage(err).message, 'assertive');
    }
  };
  return (
    <Button variant="secondary" busy={watchState.loading || unwatchState.loading} onClick={() => void toggle()}>
      {watching ? <BellOff {...icon} /> : <Bell {...icon} />}
      {t(watching ? `watch.${what}Unwatch` : `watch.${what}Watch`)}
    </Button>
  );
}
