import type { ForumThreadRowFragment } from '@anyam/client/graphql';
import { DateTime, Link } from '@anyam/client/ui';
import { CircleCheck, Lock, MessageSquare, Pin } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** One thread in a group's list: title, markers (pinned, locked, answered), replies, last activity. */
export function ThreadRow({ thread }: { thread: ForumThreadRowFragment }) {
  const { t } = useTranslation('forum');
  return (
    <li className={`an-forum-thread${thread.pinned ? ' an-forum-thread--pinned' : ''}${thread.newSinceLastVisit ? ' an-forum-thread--new' : ''}`}>
      <h3 className="an-forum-thread__title">
        <Link to={`/forum/t/${thread.id}`} lang={thread.language}>
          {thread.title}
        </Link>
      </h3>
      {(thread.pinned || thread.locked || thread.acceptedPostId || thread.held || thread.newSinceLastVisit || Boolean(thread.unreadCount)) && (
        <p className="an-forum-markers">
          {thread.newSinceLastVisit && <span className="an-forum-badge an-forum-badge--new">{t('group.newSinceVisit')}</span>}
          {Boolean(thread.unreadCount) && <span className="an-forum-badge">{t('group.unread', { count: thread.unreadCount ?? 0 })}</span>}
          {thread.held && <span className="an-forum-badge an-forum-badge--warn">{t('group.held')}</span>}
          {thread.pinned && (
            <span className="an-forum-badge">
              <Pin className="an-icon" aria-hidden="true" focusable="false" />
              {t('group.pinned')}
            </span>
          )}
          {thread.acceptedPostId && (
            <span className="an-forum-badge an-forum-badge--ok">
              <CircleCheck className="an-icon" aria-hidden="true" focusable="false" />
              {t('group.answered')}
            </span>
          )}
          {thread.locked && (
            <span className="an-forum-badge">
              <Lock className="an-icon" aria-hidden="true" focusable="false" />
              {t('group.locked')}
            </span>
          )}
        </p>
      )}
      <p className="an-forum-meta">
        {thread.author && <span>{t('group.by', { name: thread.author.name })}</span>}
        <span>
          <MessageSquare className="an-icon" aria-hidden="true" focusable="false" />
          {t('group.replies', { count: thread.replyCount })}
        </span>
        <span>
          {t('group.lastActivity')} <DateTime value={thread.lastActivityAt} variant="relative" />
          {thread.lastPoster && <> {t('group.lastBy', { name: thread.lastPoster.name })}</>}
        </span>
      </p>
    </li>
  );
}
