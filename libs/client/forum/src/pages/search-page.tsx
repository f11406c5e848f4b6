import '../forum.css';
import { useSession } from '@anyam/client/account';
import { useForumSearchQuery, useForumThemesQuery, type SearchFilter } from '@anyam/client/graphql';
import { Button, DateTime, Link, PageHeading, Select, Skeleton, useAnnounce } from '@anyam/client/ui';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { SearchBox } from '../components/search-box';
import { Snippet } from '../components/snippet';

const PAGE = 20;
const DAY = 86_400_000;
const PERIODS: Record<string, number> = { week: 7, month: 31, year: 366 };

/** The filters of the search page, from its address: ?q=…&group=…&theme=…&period=week|month|year&mine=1 */
function filterFrom(params: URLSearchParams, memberId: string | undefined): SearchFilter | null {
  const filter: SearchFilter = {};
  const group = params.get('group');
  const theme = params.get('theme');
  const days = PERIODS[params.get('period') ?? ''];
  if (group) filter.groupId = group;
  if (theme) filter.themeKey = theme;
  // Whole days, so the variables (and the cached answer) stay the same for the day.
  if (days) filter.from = new Date(Math.floor(Date.now() / DAY) * DAY - days * DAY).toISOString();
  if (params.get('mine') === '1' && memberId) filter.authorId = memberId;
  return Object.keys(filter).length ? filter : null;
}

export default function ForumSearchPage() {
  const { t, i18n } = useTranslation('forum');
  const [params, setParams] = useSearchParams();
  const { member } = useSession();
  const announce = useAnnounce();
  const query = (params.get('q') ?? '').trim();
  const filter = useMemo(() => filterFrom(params, member?.id), [params, member?.id]);
  const themes = useForumThemesQuery({ variables: { locale: i18n.language } });
  // The controls show what was chosen at once; the address (and so the query) follows in a transition.
  const [chosen, setChosen] = useState<Record<string, string>>({});
  useEffect(() => setChosen({}), [params]);
  const current = (key: string) => chosen[key] ?? params.get(key) ?? '';
  const setFilter = (key: string, value: string) => {
    setChosen((c) => ({ ...c, [key]: value }));
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const { data, loading, error, refetch, fetchMore } = useForumSearchQuery({
    variables: { query, filter, first: PAGE },
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
      <SearchBox key={query} id="forum-search-page" initial={query} keep={params} />
      <fieldset className="an-forum-filters an-forum-search-filters">
        <legend>{t('search.filters')}</legend>
        <Select
          id="forum-search-theme"
          label={t('search.theme')}
          value={current('theme')}
          onChange={(value) => setFilter('theme', value)}
          options={[
            { value: '', label: t('search.anyTheme') },
            ...(themes.data?.themes ?? []).map((theme) => ({ value: theme.key, label: theme.parentKey ? `— ${theme.name}` : theme.name })),
          ]}
        />
        <Select
          id="forum-search-period"
          label={t('search.period')}
          value={PERIODS[current('period')] ? current('period') : ''}
          onChange={(value) => setFilter('period', value)}
          options={[
            { value: '', label: t('search.anyTime') },
            { value: 'week', label: t('search.pastWeek') },
            { value: 'month', label: t('search.pastMonth') },
            { value: 'year', label: t('search.pastYear') },
          ]}
        />
        {member && (
          <label className="an-check">
            <input type="checkbox" checked={current('mine') === '1'} onChange={(e) => setFilter('mine', e.target.checked ? '1' : '')} />
            {t('search.mine')}
          </label>
        )}
        {params.get('group') && (
          <p>
            {t('search.inOneGroup')}{' '}
            <Button variant="secondary" onClick={() => setFilter('group', '')}>
              {t('search.allGroups')}
            </Button>
          </p>
        )}
      </fieldset>
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
