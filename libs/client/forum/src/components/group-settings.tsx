import { useForumUpdateGroupMutation } from '@anyam/client/graphql';
import { Button, Notice } from '@anyam/client/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForumErrorMessage } from '../problems';

/** Moderators decide whether new members' first posts wait for approval in their group. */
export function GroupSettings({ groupId, holdFirstPosts }: { groupId: string; holdFirstPosts: boolean }) {
  const { t } = useTranslation('forum');
  const errorMessage = useForumErrorMessage();
  const [hold, setHold] = useState(holdFirstPosts);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [update, { loading }] = useForumUpdateGroupMutation();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await update({ variables: { input: { groupId, holdFirstPosts: hold } } });
      setResult({ ok: true, message: t('groupSettings.saved') });
    } catch (err) {
      setResult({ ok: false, message: errorMessage(err).message });
    }
  };

  return (
    <section aria-labelledby="forum-group-settings" className="an-forum-section an-forum-moderation">
      <h2 id="forum-group-settings" className="an-forum-moderation__title">
        {t('groupSettings.title')}
      </h2>
      <form onSubmit={(e) => void save(e)} className="an-form">
        <label className="an-forum-choice" htmlFor="forum-hold-first-posts">
          <input
            id="forum-hold-first-posts"
            type="checkbox"
            checked={hold}
            aria-describedby="forum-hold-first-posts-hint"
            onChange={(e) => {
              setHold(e.target.checked);
              setResult(null);
            }}
          />
          {t('groupSettings.hold')}
        </label>
        <p id="forum-hold-first-posts-hint" className="an-field__hint">
          {t('groupSettings.holdHint')}
        </p>
        {result && (
          <div role="status">
            <Notice tone={result.ok ? 'success' : 'error'}>
              <p>{result.message}</p>
            </Notice>
          </div>
        )}
        <div className="an-actions">
          <Button type="submit" variant="secondary" busy={loading}>
            {t('groupSettings.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
