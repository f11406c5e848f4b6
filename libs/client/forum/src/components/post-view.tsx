import type { ForumPostFragment } from '@anyam/client/graphql';
import { Button, DateTime } from '@anyam/client/ui';
import { CircleCheck, Quote } from 'lucide-react';
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
  pending?: boolean;
}

/** One post: author, time, the server's HTML, and its actions (quote, accept as answer). */
export function PostView({ post, accepted, quoted, canQuote, canAccept, accepting, onQuote, onAccept, pending }: PostViewProps) {
  const { t } = useTranslation('forum');
  const headingId = `post-${post.id}-heading`;
  const name = post.author?.name ?? t('thread.removedAuthor');
  return (
    <article
      id={`post-${post.id}`}
      className={`an-forum-post${accepted ? ' an-forum-post--accepted' : ''}${pending ? ' an-forum-post--pending' : ''}`}
      aria-labelledby={headingId}
      data-post-number={post.number}
    >
      <header className="an-forum-post__head">
        <h3 id={headingId} className="an-forum-post__author">
          {name}
          <span className="an-vh">
            {' · '}
            {post.number === 1 ? t('thread.question') : t('thread.post', { number: post.number })}
            {accepted ? ` · ${t('thread.acceptedAnswer')}` : ''}
          </span>
        </h3>
        <span className="an-forum-meta">
          <DateTime value={post.createdAt} variant="relative" />
          {post.editedAt && <span>({t('thread.edited')})</span>}
        </span>
      </header>
      {accepted && (
        <p className="an-forum-badge an-forum-badge--ok an-forum-post__accepted" aria-hidden="true">
          <CircleCheck className="an-icon" aria-hidden="true" focusable="false" />
          {t('thread.acceptedAnswer')}
        </p>
      )}
      {quoted && (
        <p className="an-forum-post__reply-to">
          <a href={`#post-${quoted.id}`}>{t('thread.inReplyTo', { name: quoted.author?.name ?? t('thread.removedAuthor') })}</a>
        </p>
      )}
      <div
        className={`an-forum-post__body${post.removed ? ' an-forum-post__body--removed' : ''}`}
        lang={post.language}
        // bodyHtml is rendered from Markdown and sanitised on the server with an allowlist (libs/server/forum
        // markdown.ts); it is the only API field this app inserts as HTML.
        dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
      />
      {!post.removed && !pending && (canQuote || canAccept) && (
        <div className="an-forum-post__actions">
          {canQuote && (
            <Button variant="quiet" aria-label={t('thread.quoteLabel', { name })} onClick={() => onQuote(post)}>
              <Quote className="an-icon" aria-hidden="true" focusable="false" />
              {t('thread.quote')}
            </Button>
          )}
          {canAccept && (
            <Button variant="secondary" busy={accepting} onClick={() => onAccept(post)}>
              <CircleCheck className="an-icon" aria-hidden="true" focusable="false" />
              {t('thread.accept')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
