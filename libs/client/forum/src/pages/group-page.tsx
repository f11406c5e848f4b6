import '../forum.css';
import { useSession } from '@anyam/client/account';
import { useForumGroupActivitySubscription, useForumGroupQuery, useForumThreadsQuery, type ThreadSort } from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, Skeleton, useAnnounce } from '@anyam/client/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { SearchBox } from '../components/search-box';
import { ThreadRow } from '../components/thread-row';
import { WatchButton } from '../components/watch-button';
import { ShieldCheck } from 'lucide-react';

const SORTS: Record<string, ThreadSort> = { newest: 'NEWEST', top: 'TOP' };
type Show = 'all' | 'unread' | 'unanswered';

const PAGE = 20;

export default function ForumGroupPage() {
  const { t } = useTranslation('forum');
  const { groupSlug = '' } = useParams();
  const { member } = useSession();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const sort: ThreadSort = SORTS[params.get('sort') ?? ''] ?? 'LATEST_ACTIVITY';
  const show: Show = params.get('show') === 'unread' ? 'unread' : params.get('show') === 'unanswered' ? 'unanswered' : 'all';
  const [activity, setActivity] = useState(0);
  const activityCount = useRef(0);

  const group = useForumGroupQuery({ variables: { slug: groupSlug } });
  const groupId = group.data?.group.id;
  const threads = useForumThreadsQuery({
    variables: { groupId: groupId ?? '', sort, filter: show === 'unread' ? { unread: true } : show === 'unanswered' ? { unanswered: true } : null, first: PAGE },
    skip: !groupId,
    notifyOnNetworkStatusChange: true,
  });
  const [more, setMore] = useState(false);
  const firstNew = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The server filters (threads(filter: …)), so every page holds only threads that match.
  const allEdges = threads.data?.threads.edges ?? [];

  // Members: new threads and replies in the group are counted live; one button brings the list up to date.
  useForumGroupActivitySubscription({
    variables: { groupId: groupId ?? '' },
    skip: !groupId || !member,
    onData: ({ data: event }) => {
      const item = event.data?.groupActivity;
      if (!item) return;
      // Members' own new threads and replies are not news to them.
      const by = item.kind === 'THREAD_CREATED' ? item.thread?.author?.id : item.kind === 'POST_ADDED' ? item.thread?.lastPoster?.id : null;
      if (by && by === member?.id) return;
      activityCount.current += 1;
      setActivity(activityCount.current);
      announce(t('group.activity', { count: activityCount.current }));
    },
  });

  useEffect(() => {
    if (firstNew.current === null) return;
    const link = listRef.current?.querySelectorAll<HTMLAnchorElement>('.an-forum-thread__title a')[firstNew.current];
    firstNew.current = null;
    link?.focus();
  }, [allEdges.length]);

  if (!group.data) return <QueryState loading={group.loading} error={group.error} retry={() => void group.refetch()} />;
  const g = group.data.group;

  const loadMore = async () => {
    const after = threads.data?.threads.pageInfo.endCursor;
    if (!after) return;
    setMore(true);
    const before = allEdges.length;
    try {
      const result = await threads.fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          threads: {
            ...fetchMoreResult.threads,
            edges: [...(previous.threads?.edges ?? []), ...fetchMoreResult.threads.edges],
          },
        }),
      });
      firstNew.current = before;
      announce(t('group.loadedMore', { count: result.data?.threads.edges.length ?? 0 }));
    } finally {
      setMore(false);
    }
  };

  return (
    <>
      <p className="an-forum-breadcrumb">
        <Link to="/forum">{t('group.breadcrumb')}</Link>
      </p>
      <PageHeading>{g.name}</PageHeading>
      {g.description && (
        <p className="an-lead" lang={g.defaultLanguage}>
          {g.description}
        </p>
      )}
      <p className="an-forum-meta">{t('group.threadCount', { count: g.threadCount })}</p>
      <div className="an-actions">
        {g.viewerCanPost ? (
          <Link to={`/forum/${g.slug}/new`} appearance="button-primary">
            {t('group.startThread')}
          </Link>
        ) : (
          !member && (
            <Link to={`/sign-in?next=${encodeURIComponent(`/forum/${g.slug}`)}`} appearance="button-secondary">
              {t('group.signInToPost')}
            </Link>
          )
        )}
        {member && <WatchButton groupId={g.id} watching={g.viewerWatching} />}
        {member && g.viewerCanModerate && (
          <Link to={`/forum/${g.slug}/moderation`} appearance="button-secondary">
            <ShieldCheck className="an-icon" aria-hidden="true" focusable="false" />
            {t('queue.link')}
          </Link>
        )}
      </div>
      <SearchBox id="forum-group-search" group={{ id: g.id, name: g.name }} />
      <section aria-labelledby="forum-threads" className="an-forum-section">
        <div className="an-forum-list-head">
          <h2 id="forum-threads">{t('group.threads')}</h2>
          <div className="an-forum-filters">
            <Select
              id="forum-sort"
              label={t('group.sort')}
              value={sort}
              onChange={(value) => {
                const next = new URLSearchParams(params);
                const key = Object.entries(SORTS).find(([, v]) => v === value)?.[0];
                if (key) next.set('sort', key);
                else next.delete('sort');
                setParams(next, { replace: true });
              }}
              options={[
                { value: 'LATEST_ACTIVITY', label: t('group.sortLatest') },
                { value: 'NEWEST', label: t('group.sortNewest') },
                { value: 'TOP', label: t('group.sortTop') },
              ]}
            />
            <Select
              id="forum-show"
              label={t('group.show')}
              value={show}
              onChange={(value) => {
                const next = new URLSearchParams(params);
                if (value === 'all') next.delete('show');
                else next.set('show', value);
                setParams(next, { replace: true });
              }}
              options={[
                { value: 'all', label: t('group.filterAll') },
                ...(member ? [{ value: 'unread', label: t('group.filterUnread') }] : []),
                { value: 'unanswered', label: t('group.filterUnanswered') },
              ]}
            />
          </div>
        </div>
        {activity > 0 && (
          <div className="an-forum-activity">
            <p>{t('group.activity', { count: activity })}</p>
            <Button
              variant="secondary"
              onClick={() => {
                activityCount.current = 0;
                setActivity(0);
                void threads.refetch();
              }}
            >
              {t('group.showActivity')}
            </Button>
          </div>
        )}
        {!threads.data ? (
          threads.error ? (
            <QueryState loading={false} error={threads.error} retry={() => void threads.refetch()} />
          ) : (
            <Skeleton label={t('state.loading')} lines={6} heading={false} />
          )
        ) : allEdges.length === 0 ? (
          <p>{show === 'all' ? t('group.empty') : t('group.filterNone')}</p>
        ) : (
          <ul className="an-forum-threads" ref={listRef}>
            {allEdges.map(({ node }) => (
              <ThreadRow key={node.id} thread={node} />
            ))}
          </ul>
        )}
        {threads.data?.threads.pageInfo.hasNextPage && (
          <p>
            <Button variant="secondary" busy={more} onClick={() => void loadMore()}>
              {t('group.loadMore')}
            </Button>
          </p>
        )}
      </section>
    </>
  );
}
