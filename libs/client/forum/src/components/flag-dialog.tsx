import { useForumFlagPostMutation, type ForumPostFragment } from '@anyam/client/graphql';
import { Button, describedBy, Dialog, FieldFrame, useAnnounce } from '@anyam/client/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForumErrorMessage } from '../problems';

const REASONS = ['spam', 'abuse', 'unsafe', 'offTopic', 'other'] as const;
type Reason = (typeof REASONS)[number];

/**
 * Report a post to the group's moderators: an accessible modal (native <dialog>: the page behind is inert,
 * Escape closes, focus returns to the Flag button) with a reason and optional details.
 */
export function FlagDialog({ post, onClose }: { post: ForumPostFragment | null; onClose: () => void }) {
  const { t } = useTranslation('forum');
  const announce = useAnnounce();
  const errorMessage = useForumErrorMessage();
  const [flagPost, { loading }] = useForumFlagPostMutation();
  const [reason, setReason] = useState<Reason | ''>('');
  const [details, setDetails] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (post) {
      setReason('');
      setDetails('');
      setError(null);
    }
  }, [post]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!post) return;
    if (!reason) {
      setError(t('flag.reasonRequired'));
      document.getElementById('forum-flag-reason-spam')?.focus();
      return;
    }
    if (reason === 'other' && !details.trim()) {
      setError(t('flag.detailsRequired'));
      document.getElementById('forum-flag-details')?.focus();
      return;
    }
    const text = [t(`flag.reasons.${reason}`), details.trim()].filter(Boolean).join(': ');
    try {
      await flagPost({ variables: { postId: post.id, reason: text } });
      announce(t('flag.sent'));
      onClose();
    } catch (err) {
      setError(errorMessage(err).message);
    }
  };

  return (
    <Dialog open={Boolean(post)} onClose={onClose} title={t('flag.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate className="an-form">
        <p>{t('flag.intro', { name: post?.author?.name ?? t('thread.removedAuthor') })}</p>
        <fieldset className="an-fieldset" aria-describedby={error ? 'forum-flag-error' : undefined}>
          <legend>{t('flag.reasonLegend')}</legend>
          {REASONS.map((r) => (
            <label key={r} className="an-forum-choice" htmlFor={`forum-flag-reason-${r}`}>
              <input
                type="radio"
                id={`forum-flag-reason-${r}`}
                name="reason"
                value={r}
                checked={reason === r}
                onChange={() => {
                  setReason(r);
                  setError(null);
                }}
              />
              {t(`flag.reasons.${r}`)}
            </label>
          ))}
        </fieldset>
        <FieldFrame id="forum-flag-details" label={t('flag.details')} hint={t('flag.detailsHint')}>
          <textarea
            id="forum-flag-details"
            className="an-input"
            rows={3}
            maxLength={500}
            value={details}
            aria-describedby={describedBy('forum-flag-details', t('flag.detailsHint'), null)}
            onChange={(e) => {
              setDetails(e.target.value);
              setError(null);
            }}
          />
        </FieldFrame>
        {error && (
          <p id="forum-flag-error" className="an-field__error" role="alert">
            {error}
          </p>
        )}
        <div className="an-dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('flag.cancel')}
          </Button>
          <Button type="submit" busy={loading}>
            {t('flag.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
