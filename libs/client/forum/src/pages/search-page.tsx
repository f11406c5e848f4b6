import '../forum.css';
import { useForumSearchQuery } from '@anyam/client/graphql';
import { Button, DateTime, Link, PageHeading, Skeleton, useAnnounce } from '@anyam/client/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { SearchBox } from '../components/search-box';
import { Snippet } from '../components/snippet';

const PAGE = 20;

export default function ForumSearchPage() {
  const { t } = useTranslation('forum');
  const [params] = useSearchParams();
  const announce = useAnnounce();
  const query = (params.get('q') ?? '').trim();
  const { data, loading, error, refetch, fetchMore } = useForumSearchQuery({
    variables: { query, first: PAGE },
    skip: !query,
    notifyOnNetworkStatusChange: true,
  });
  const [more, setMore] = useState(false);
  const edges = data?.search.edges ?? [];
  const hasMore = data?.search.pageInfo.hasNextPage ?? false;
  const summary = !data
    ? ''
    : edges.length === 0
      ? t('search.none', { query })
      : hasMore
        ? t('search.moreResults', { count: edges.length, query })
        : t('search.results', { count: edges.length, query });

  useEffect(() => {
    if (summary) announce(summary);
  }, [summary, announce]);

  const loadMore = async () => {
    const after = data?.search.pageInfo.endCursor;
    if (!after) return;
    setMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          search: { ...fetchMoreResult.search, edges: [...(previous.search?.edges ?? []), ...fetchMoreResult.search.edges] },
        }),
      });
    } finally {
      setMore(false);
    }
  };

  return (
    <>
      <p className="an-forum-breadcrumb">
        <Link to="/forum">{t('group.breadcrumb')}</Link>
      </p>
      <PageHeading title={query ? `${t('search.title')}: ${query}` : t('search.title')}>{t('search.title')}</PageHeading>
      <SearchBox key={query} id="forum-search-page" initial={query} />
      {!query ? (
        <p>{t('search.empty')}</p>
      ) : !data ? (
        error ? (
          <QueryState loading={false} error={error} retry={() => void refetch()} />
        ) : (
          <Skeleton label={t('state.loading')} lines={6} heading={false} />
        )
      ) : (
        <section aria-labelledby="forum-search-results" className="an-forum-section">
          <h2 id="forum-search-results">{summary}</h2>
          <ol className="an-forum-results">
            {edges.map(({ node, cursor }) => (
              <li key={cursor} className="an-forum-result">
                <h3 className="an-forum-thread__title">
                  <Link to={`/forum/t/${node.post.thread.id}#post-${node.post.id}`} lang={node.post.language}>
                    {node.post.thread.title}
                  </Link>
                </h3>
                <Snippet html={node.snippet} lang={node.post.language} />
                <p className="an-forum-meta">
                  <span>{t('search.in', { group: node.post.thread.group.name })}</span>
                  {node.post.author && <span>{t('search.by', { name: node.post.author.name })}</span>}
                  <DateTime value={node.post.createdAt} variant="relative" />
                </p>
              </li>
            ))}
          </ol>
          {hasMore && (
            <p>
              <Button variant="secondary" busy={more || loading} onClick={() => void loadMore()}>
                {t('search.loadMore')}
              </Button>
            </p>
          )}
        </section>
      )}
    </>
  );
}
