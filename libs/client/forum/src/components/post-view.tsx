import type { ForumPostFragment } from '@anyam/client/graphql';
import { Button, DateTime } from '@anyam/client/ui';
import { CircleCheck, History, Pencil, Quote, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PostViewProps {
  post: ForumPostFragment;
  accepted: boolean;
  quoted?: ForumPostFragment;
  canQuote: boolean;
  canAccept: boolean;
  accepting: boolean;
  onQuote: (post: ForumPostFragment) => void;
  onAccept: (post: ForumPostFragment) => void;
  onEdit?: (post: ForumPostFragment) => void;
  onDelete?: (post: ForumPostFragment) => void;
  onHistory?: (post: ForumPostFragment) => void;
  /** While the author edits: the editor in place of the body. */
  editor?: ReactNode;
  /** Under the body: reactions. */
  footer?: ReactNode;
  /** More actions at the end of the row (flag). */
  moreActions?: ReactNode;
  /** Hidden posts, for moderators: the Restore button. */
  restoreAction?: ReactNode;
  /** Posted after the viewer's last visit. */
  isNew?: boolean;
  pending?: boolean;
}

const icon = { className: 'an-icon', 'aria-hidden': true, focusable: false } as const;

/** One post: author, time, the server's HTML, and its actions (quote, accept, edit, delete, history). */
export function PostView(props: PostViewProps) {
  const { post, accepted, quoted, canQuote, canAccept, accepting, onQuote, onAccept, onEdit, onDelete, onHistory } = props;
  const { editor, footer, moreActions, restoreAction, isNew, pending } = props;
  const { t } = useTranslation('forum');
  const headingId = `post-${post.id}-heading`;
  const name = post.author?.name ?? t('thread.removedAuthor');
  const number = post.number;
  const live = !post.removed && !pending && !post.hidden && post.status !== 'REJECTED';
  const canEdit = live && post.viewerCanEdit && Boolean(onEdit);
  const canDelete = live && post.viewerCanDelete && Boolean(onDelete);
  const hasActions = live && !editor && (canQuote || canAccept || canEdit || canDelete || moreActions);
  return (
    <article
      id={`post-${post.id}`}
      className={`an-forum-post${accepted ? ' an-forum-post--accepted' : ''}${pending ? ' an-forum-post--pending' : ''}${isNew ? ' an-forum-post--new' : ''}`}
      aria-labelledby={headingId}
      data-post-number={number}
    >
      <header className="an-forum-post__head">
        <h3 id={headingId} className="an-forum-post__author">
          {name}
          <span className="an-vh">
            {' · '}
            {number === 1 ? t('thread.question') : t('thread.post', { number })}
            {accepted ? ` · ${t('thread.acceptedAnswer')}` : ''}
          </span>
        </h3>
        {isNew && <span className="an-forum-badge an-forum-badge--new">{t('thread.new')}</span>}
        <span className="an-forum-meta">
          <DateTime value={post.createdAt} variant="relative" />
          {post.editedAt &&
            (onHistory && !post.removed ? (
              <button
                type="button"
                className="an-linklike"
                aria-label={t('thread.historyLabel', { number })}
                onClick={() => onHistory(post)}
              >
                <History {...icon} />
                {t('thread.edited')}
              </button>
            ) : (
              <span>({t('thread.edited')})</span>
            ))}
        </span>
      </header>
      {accepted && (
        <p className="an-forum-badge an-forum-badge--ok an-forum-post__accepted" aria-hidden="true">
          <CircleCheck {...icon} />
          {t('thread.acceptedAnswer')}
        </p>
      )}
      {(post.status !== 'VISIBLE' || post.hidden) && (
        <p className="an-forum-badge an-forum-badge--warn an-forum-post__accepted">
          {post.status === 'HELD' ? t('thread.held') : post.status === 'REJECTED' ? t('thread.rejected') : t('thread.hiddenForModerators')}
        </p>
      )}
      {quoted && (
        <p className="an-forum-post__reply-to">
          <a href={`#post-${quoted.id}`}>{t('thread.inReplyTo', { name: quoted.author?.name ?? t('thread.removedAuthor') })}</a>
        </p>
      )}
      {editor ?? (
        <div
          className={`an-forum-post__body${post.removed ? ' an-forum-post__body--removed' : ''}`}
          lang={post.language}
          tabIndex={-1}
          // bodyHtml is rendered from Markdown and sanitised on the server with an allowlist (libs/server/forum
          // markdown.ts); it is the only API field this app inserts as HTML.
          dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
        />
      )}
      {live && !editor && footer}
      {restoreAction && <div className="an-forum-post__actions">{restoreAction}</div>}
      {hasActions && (
        <div className="an-forum-post__actions">
          {canQuote && (
            <Button variant="quiet" aria-label={t('thread.quoteLabel', { name })} onClick={() => onQuote(post)}>
              <Quote {...icon} />
              {t('thread.quote')}
            </Button>
          )}
          {canAccept && (
            <Button variant="secondary" busy={accepting} onClick={() => onAccept(post)}>
              <CircleCheck {...icon} />
              {t('thread.accept')}
            </Button>
          )}
          {canEdit && (
            <Button variant="quiet" aria-label={t('thread.editLabel', { number })} onClick={() => onEdit?.(post)}>
              <Pencil {...icon} />
              {t('thread.edit')}
            </Button>
          )}
          {canDelete && (
            <Button variant="quiet" aria-label={t('thread.deleteLabel', { number })} onClick={() => onDelete?.(post)}>
              <Trash2 {...icon} />
              {t('thread.delete')}
            </Button>
          )}
          {moreActions}
        </div>
      )}
    </article>
  );
}
