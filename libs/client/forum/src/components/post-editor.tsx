import { useForumEditPostMutation, type ForumPostFragment } from '@anyam/client/graphql';
import { Button, useAnnounce } from '@anyam/client/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForumErrorMessage } from '../problems';
import { MarkdownArea } from './markdown-area';

/** Edits a post in place; the previous text goes to the post's history on the server. */
export function PostEditor({ post, onDone }: { post: ForumPostFragment; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation('forum');
  const announce = useAnnounce();
  const errorMessage = useForumErrorMessage();
  const [body, setBody] = useState(post.bodyMarkdown ?? '');
  const [error, setError] = useState<string | null>(null);
  const [editPost, { loading }] = useForumEditPostMutation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = `forum-edit-${post.id}`;

  useEffect(() => ref.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('rules.bodyRequired'));
      ref.current?.focus();
      return;
    }
    try {
      await editPost({ variables: { input: { postId: post.id, body } } });
      announce(t('thread.editSaved'));
      onDone(true);
    } catch (err) {
      const { message } = errorMessage(err);
      setError(message);
      announce(message, 'assertive');
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="an-form an-forum-editor">
      <MarkdownArea
        id={id}
        label={t('thread.editBodyLabel', { number: post.number })}
        value={body}
        onChange={(value) => {
          setBody(value);
          setError(null);
        }}
        error={error}
        textareaRef={ref}
        rows={6}
      />
      <div className="an-actions">
        <Button type="submit" busy={loading}>
          {t('thread.editSave')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          {t('thread.editCancel')}
        </Button>
      </div>
    </form>
  );
}
