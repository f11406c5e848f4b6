import { useForumMoveTargetsQuery, useForumMoveThreadMutation } from '@anyam/client/graphql';
import { Button, Select, useAnnounce } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useForumErrorMessage } from '../problems';

/** Moderators move a thread to another group they moderate. */
export function MoveThread({ threadId, groupId }: { threadId: string; groupId: string }) {
  const { t } = useTranslation('forum');
  const announce = useAnnounce();
  const errorMessage = useForumErrorMessage();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const targets = useForumMoveTargetsQuery({ skip: !open });
  const [move, { loading }] = useForumMoveThreadMutation();
  const options = (targets.data?.groups.edges ?? []).map((e) => e.node).filter((g) => g.viewerCanModerate && g.id !== groupId);

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-expanded={false}>
        {t('moderation.move')}
      </Button>
    );
  }
  return (
    <form
      className="an-forum-move"
      onSubmit={(event) => {
        event.preventDefault();
        if (!target) {
          setError(t('moderation.moveChoose'));
          return;
        }
        move({ variables: { threadId, groupId: target } }).then(
          (result) => {
            const group = result.data?.moveThread.group;
            announce(t('moderation.moved', { group: group?.name ?? '' }));
            setOpen(false);
            if (group) navigate(`/forum/t/${threadId}`, { replace: true });
          },
          (err: unknown) => setError(errorMessage(err).message),
        );
      }}
    >
      {targets.loading && !targets.data ? (
        <p>{t('state.loading')}</p>
      ) : options.length === 0 ? (
        <p>{t('moderation.moveNone')}</p>
      ) : (
        <Select
          id="forum-move-target"
          label={t('moderation.moveTo')}
          value={target}
          error={error}
          onChange={(value) => {
            setTarget(value);
            setError(null);
          }}
          options={[{ value: '', label: t('moderation.moveChoose') }, ...options.map((g) => ({ value: g.id, label: g.name }))]}
        />
      )}
      <div className="an-actions">
        {options.length > 0 && (
          <Button type="submit" busy={loading}>
            {t('moderation.moveSubmit')}
          </Button>
        )}
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('thread.editCancel')}
        </Button>
      </div>
    </form>
  );
}
