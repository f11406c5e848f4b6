import '../forum.css';
import {
  useForumApprovePostMutation,
  useForumGroupQuery,
  useForumModerationQueueQuery,
  useForumRejectPostMutation,
  useForumResolveFlagMutation,
  type ForumModerationQueueQuery,
} from '@anyam/client/graphql';
import { Button, DateTime, Link, PageHeading, Skeleton, useAnnounce } from '@anyam/client/ui';
import { Check, EyeOff, Flag, ShieldCheck, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { GroupSettings } from '../components/group-settings';
import { QueryState } from '../components/query-state';
import { useForumErrorMessage } from '../problems';

const PAGE = 20;
const icon = { className: 'an-icon', 'aria-hidden': true, focusable: false } as const;
type Item = ForumModerationQueueQuery['moderationQueue']['edges'][number]['node'];

/** A group's moderation queue: posts with open flags and first posts held for approval, oldest first. */
export default function ForumModerationPage() {
  const { t } = useTranslation('forum');
  const { groupSlug = '' } = useParams();
  const announce = useAnnounce();
  const errorMessage = useForumErrorMessage();
  const group = useForumGroupQuery({ variables: { slug: groupSlug } });
  const g = group.data?.group;
  const queue = useForumModerationQueueQuery({
    variables: { groupId: g?.id ?? '', first: PAGE },
    skip: !g?.viewerCanModerate,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [approve] = useForumApprovePostMutation();
  const [reject] = useForumRejectPostMutation();
  const [resolve] = useForumResolveFlagMutation();
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<Set<string>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (!g) return <QueryState loading={group.loading} error={group.error} retry={() => void group.refetch()} />;
  if (!g.viewerCanModerate) {
    return (
      <>
        <PageHeading>{t('queue.title')}</PageHeading>
        <p>{t('queue.notModerator')}</p>
        <p>
          <Link to={`/forum/${g.slug}`}>{t('queue.backToGroup', { group: g.name })}</Link>
        </p>
      </>
    );
  }

  const items = (queue.data?.moderationQueue.edges ?? []).map((e) => e.node).filter((item) => !done.has(item.post.id));

  const act = async (item: Item, action: 'approve' | 'reject' | 'hide' | 'dismiss') => {
    const key = `${item.post.id}:${action}`;
    setBusy(key);
    try {
      if (action === 'approve') await approve({ variables: { postId: item.post.id } });
      else if (action === 'reject') await reject({ variables: { postId: item.post.id } });
      else await resolve({ variables: { flagId: item.flags[0].id, resolution: action === 'hide' ? 'HIDE' : 'DISMISS' } });
      setDone((current) => new Set(current).add(item.post.id));
      announce(t(`queue.done.${action}`));
      requestAnimationFrame(() => headingRef.current?.focus());
    } catch (err) {
      announce(errorMessage(err).message, 'assertive');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p className="an-forum-breadcrumb">
        <Link to="/forum">{t('group.breadcrumb')}</Link> › <Link to={`/forum/${g.slug}`}>{g.name}</Link>
      </p>
      <PageHeading title={t('queue.pageTitle', { group: g.name })}>{t('queue.title')}</PageHeading>
      <p className="an-lead">{t('queue.intro', { group: g.name })}</p>
      <section aria-labelledby="forum-queue" className="an-forum-section">
        <h2 id="forum-queue" ref={headingRef} tabIndex={-1}>
          {t('queue.waiting', { count: items.length })}
        </h2>
        {!queue.data ? (
          queue.error ? (
            <QueryState loading={false} error={queue.error} retry={() => void queue.refetch()} />
          ) : (
            <Skeleton label={t('state.loading')} lines={5} heading={false} />
          )
        ) : items.length === 0 ? (
          <p>
            <ShieldCheck {...icon} /> {t('queue.empty')}
          </p>
        ) : (
          <ol className="an-forum-queue">
            {items.map((item) => {
              const author = item.post.author?.name ?? t('thread.removedAuthor');
              const labelId = `queue-${item.post.id}`;
              return (
                <li key={item.post.id} className="an-forum-queue__item" aria-labelledby={labelId}>
                  <h3 id={labelId} className="an-forum-queue__title">
                    <span className={`an-forum-badge ${item.kind === 'HELD' ? 'an-forum-badge--warn' : ''}`}>
                      {item.kind === 'HELD' ? t('queue.held') : t('queue.flagged', { count: item.flags.length })}
                    </span>{' '}
                    <Link to={`/forum/t/${item.thread.id}#post-${item.post.id}`} lang={item.thread.language}>
                      {item.thread.title}
                    </Link>
                  </h3>
                  <p className="an-forum-meta">
                    <span>{t('queue.postBy', { name: author, number: item.post.number })}</span>
                    <span>
                      {t('queue.since')} <DateTime value={item.since} variant="relative" />
                    </span>
                  </p>
                  <div
                    className="an-forum-post__body an-forum-queue__body"
                    lang={item.post.language}
                    // Sanitised on the server (see post-view.tsx).
                    dangerouslySetInnerHTML={{ __html: item.post.bodyHtml }}
                  />
                  {item.flags.length > 0 && (
                    <ul className="an-forum-flags" aria-label={t('queue.flagsLabel')}>
                      {item.flags.map((flag) => (
                        <li key={flag.id}>
                          <Flag {...icon} />
                          <span>
                            {t('queue.flagBy', { name: flag.reporter?.name ?? t('thread.removedAuthor') })} <DateTime value={flag.createdAt} variant="relative" />
                            {': '}
                            <q>{flag.reason}</q>
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <div className="an-actions">
                    {item.kind === 'HELD' ? (
                      <>
                        <Button busy={busy === `${item.post.id}:approve`} aria-label={t('queue.approveLabel', { name: author })} onClick={() => void act(item, 'approve')}>
                          <Check {...icon} />
                          {t('queue.approve')}
                        </Button>
                        <Button variant="danger" busy={busy === `${item.post.id}:reject`} aria-label={t('queue.rejectLabel', { name: author })} onClick={() => void act(item, 'reject')}>
                          <X {...icon} />
                          {t('queue.reject')}
                        </Button>
                      </>
                    ) : (
                      <>
                        <Button variant="danger" busy={busy === `${item.post.id}:hide`} aria-label={t('queue.hideLabel', { name: author })} onClick={() => void act(item, 'hide')}>
                          <EyeOff {...icon} />
                          {t('queue.hide')}
                        </Button>
                        <Button variant="secondary" busy={busy === `${item.post.id}:dismiss`} aria-label={t('queue.dismissLabel', { name: author })} onClick={() => void act(item, 'dismiss')}>
                          <Check {...icon} />
                          {t('queue.dismiss')}
                        </Button>
                      </>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {queue.data?.moderationQueue.pageInfo.hasNextPage && (
          <p>
            <Button variant="secondary" onClick={() => void queue.refetch()}>
              {t('queue.refresh')}
            </Button>
          </p>
        )}
      </section>
      <GroupSettings groupId={g.id} holdFirstPosts={g.holdFirstPosts} />
    </>
  );
}
