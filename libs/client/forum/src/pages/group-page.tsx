import '../forum.css';
import { useSession } from '@anyam/client/account';
import { useForumGroupQuery, useForumThreadsQuery, type ThreadSort } from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, Skeleton, useAnnounce } from '@anyam/client/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { SearchBox } from '../components/search-box';
import { ThreadRow } from '../components/thread-row';

const PAGE = 20;

export default function ForumGroupPage() {
  const { t } = useTranslation('forum');
  const { groupSlug = '' } = useParams();
  const { member } = useSession();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const sort: ThreadSort = params.get('sort') === 'newest' ? 'NEWEST' : 'LATEST_ACTIVITY';

  const group = useForumGroupQuery({ variables: { slug: groupSlug } });
  const groupId = group.data?.group.id;
  const threads = useForumThreadsQuery({
    variables: { groupId: groupId ?? '', sort, first: PAGE },
    skip: !groupId,
    notifyOnNetworkStatusChange: true,
  });
  const [more, setMore] = useState(false);
  const firstNew = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const edges = threads.data?.threads.edges ?? [];

  useEffect(() => {
    if (firstNew.current === null) return;
    const link = listRef.current?.querySelectorAll<HTMLAnchorElement>('.an-forum-thread__title a')[firstNew.current];
    firstNew.current = null;
    link?.focus();
  }, [edges.length]);

  if (!group.data) return <QueryState loading={group.loading} error={group.error} retry={() => void group.refetch()} />;
  const g = group.data.group;

  const loadMore = async () => {
    const after = threads.data?.threads.pageInfo.endCursor;
    if (!after) return;
    setMore(true);
    const before = edges.length;
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
      </div>
      <SearchBox id="forum-group-search" />
      <section aria-labelledby="forum-threads" className="an-forum-section">
        <div className="an-forum-list-head">
          <h2 id="forum-threads">{t('group.threads')}</h2>
          <Select
            id="forum-sort"
            label={t('group.sort')}
            value={sort}
            onChange={(value) => {
              const next = new URLSearchParams(params);
              if (value === 'NEWEST') next.set('sort', 'newest');
              else next.delete('sort');
              setParams(next, { replace: true });
            }}
            options={[
              { value: 'LATEST_ACTIVITY', label: t('group.sortLatest') },
              { value: 'NEWEST', label: t('group.sortNewest') },
            ]}
          />
        </div>
        {!threads.data ? (
          threads.error ? (
            <QueryState loading={false} error={threads.error} retry={() => void threads.refetch()} />
          ) : (
            <Skeleton label={t('state.loading')} lines={6} heading={false} />
          )
        ) : edges.length === 0 ? (
          <p>{t('group.empty')}</p>
        ) : (
          <ul className="an-forum-threads" ref={listRef}>
            {edges.map(({ node }) => (
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
