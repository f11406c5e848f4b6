import '../community.css';
import { useHubFilterOptionsQuery, useHubsQuery, type HubFilter } from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, TextField, useAnnounce } from '@anyam/client/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { HubCards } from '../components/hub-card';
import { QueryState } from '../components/query-state';
import { groupThemes, themeName } from '../format';

const PAGE = 12;
const KEYS = ['region', 'alliance', 'theme', 'q'] as const;
type Key = (typeof KEYS)[number];

export default function HubsPage() {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<Key, string>;
  const [draft, setDraft] = useState(applied);
  const paramString = params.toString();
  useEffect(() => {
    setDraft(Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<Key, string>);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paramString]);

  const options = useHubFilterOptionsQuery();
  const filter: HubFilter = {
    regionId: applied.region || undefined,
    allianceId: applied.alliance || undefined,
    theme: applied.theme || undefined,
    search: applied.q.trim() || undefined,
  };
  const { data, loading, error, refetch, fetchMore } = useHubsQuery({
    variables: { filter, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const [more, setMore] = useState(false);
  const firstNew = useRef<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const edges = data?.hubs.edges ?? [];

  useEffect(() => {
    if (firstNew.current === null) return;
    const link = listRef.current?.querySelectorAll<HTMLAnchorElement>('.an-hub-card__name a')[firstNew.current];
    firstNew.current = null;
    link?.focus();
  }, [edges.length]);

  const regions = options.data?.regions ?? [];
  const alliances = (options.data?.alliances ?? []).filter((a) => !draft.region || a.region.id === draft.region);
  const themeGroups = groupThemes(options.data?.themes ?? []);
  const filtered = KEYS.some((k) => applied[k]);

  const apply = (next: Record<Key, string>) => {
    const search = new URLSearchParams();
    for (const k of KEYS) if (next[k].trim()) search.set(k, next[k].trim());
    setParams(search);
  };

  const loadMore = async () => {
    if (!data?.hubs.pageInfo.endCursor) return;
    setMore(true);
    const before = edges.length;
    try {
      const result = await fetchMore({
        variables: { after: data.hubs.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          hubs: {
            ...fetchMoreResult.hubs,
            edges: [...(previous.hubs?.edges ?? []), ...fetchMoreResult.hubs.edges],
          },
        }),
      });
      const added = result.data?.hubs.edges.length ?? 0;
      firstNew.current = before;
      announce(t('hubs.loadedMore', { count: added }));
    } finally {
      setMore(false);
    }
  };

  return (
    <>
      <PageHeading>{t('hubs.title')}</PageHeading>
      <p className="an-lead">{t('hubs.intro')}</p>
      <form
        className="an-filters"
        role="search"
        aria-label={t('hubs.filterLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <TextField
          id="hubs-search"
          type="search"
          label={t('hubs.search')}
          hint={t('hubs.searchHint')}
          value={draft.q}
          onChange={(q) => setDraft((d) => ({ ...d, q }))}
        />
        <Select
          id="hubs-region"
          label={t('hubs.region')}
          value={draft.region}
          onChange={(region) => setDraft((d) => ({ ...d, region, alliance: '' }))}
          options={[{ value: '', label: t('hubs.anyRegion') }, ...regions.map((r) => ({ value: r.id, label: r.name }))]}
        />
        <Select
          id="hubs-alliance"
          label={t('hubs.alliance')}
          value={draft.alliance}
          onChange={(alliance) => setDraft((d) => ({ ...d, alliance }))}
          options={[{ value: '', label: t('hubs.anyAlliance') }, ...alliances.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <Select
          id="hubs-theme"
          label={t('hubs.theme')}
          value={draft.theme}
          onChange={(theme) => setDraft((d) => ({ ...d, theme }))}
          options={[
            { value: '', label: t('hubs.anyTheme') },
            ...themeGroups.map(({ parent, children }) => ({
              label: themeName(parent, locale),
              options: [
                { value: parent.key, label: t('hubs.allOfTheme', { theme: themeName(parent, locale) }) },
                ...children.map((c) => ({ value: c.key, label: themeName(c, locale) })),
              ],
            })),
          ]}
        />
        <div className="an-actions an-filters__actions">
          <Button type="submit">{t('hubs.apply')}</Button>
          {filtered && (
            <Button variant="quiet" onClick={() => apply({ region: '', alliance: '', theme: '', q: '' })}>
              {t('hubs.clear')}
            </Button>
          )}
        </div>
      </form>

      <section aria-labelledby="hubs-results" className="an-results">
        <h2 id="hubs-results" className="an-vh">
          {t('hubs.results')}
        </h2>
        {!data ? (
          <QueryState loading={loading} error={error} retry={() => void refetch()} />
        ) : (
          <>
            <p role="status" className="an-meta">
              {edges.length === 0
                ? filtered
                  ? t('hubs.noneMatch')
                  : t('hubs.none')
                : data.hubs.pageInfo.hasNextPage
                  ? t('hubs.showingSome', { count: edges.length })
                  : t('hubs.showingAll', { count: edges.length })}
            </p>
            {edges.length === 0 && filtered && (
              <p>
                <Link to="/hubs">{t('hubs.clear')}</Link>
              </p>
            )}
            <div ref={listRef}>
              <HubCards hubs={edges.map((e) => e.node)} headingLevel={3} />
            </div>
            {data.hubs.pageInfo.hasNextPage && (
              <p className="an-after-form">
                <Button variant="secondary" busy={more} onClick={() => void loadMore()}>
                  {t('hubs.loadMore')}
                </Button>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
