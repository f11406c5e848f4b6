import '../learning.css';
import { useSession } from '@anyam/client/account';
import { useLearningCatalogueQuery, useLearningFilterOptionsQuery, useLearningThemesQuery, type TrainingModuleFilter } from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, Skeleton, TextField, useAnnounce } from '@anyam/client/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ModuleFacts, OfflineBadge, QueryState, ThemeTags, type Level, type Mode } from '../components/common';
import { languageName, themeName } from '../format';
import { useOnline } from '../offline/connectivity';
import { useOfflineState } from '../offline/use-offline-state';

const PAGE = 12;
const LEVELS: Level[] = ['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'];
const MODES: Mode[] = ['ONLINE', 'HYBRID', 'OFFLINE'];
const LANGUAGES = ['en', 'id', 'es', 'pt'];

export default function CataloguePage() {
  const { t, i18n } = useTranslation('learning');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { member, status } = useSession();
  const announce = useAnnounce();
  const online = useOnline();
  const offline = useOfflineState();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');

  const filter: TrainingModuleFilter = {};
  const theme = params.get('theme');
  const level = params.get('level') as Level | null;
  const language = params.get('language');
  const mode = params.get('mode') as Mode | null;
  const hubId = params.get('hub');
  const q = params.get('q');
  if (theme) filter.theme = theme;
  if (level && LEVELS.includes(level)) filter.level = level;
  if (language) filter.language = language;
  if (mode && MODES.includes(mode)) filter.mode = mode;
  if (hubId) filter.hubId = hubId;
  if (q) filter.search = q;

  const options = useLearningFilterOptionsQuery({ skip: status === 'loading' });
  const themeList = useLearningThemesQuery({ fetchPolicy: 'cache-first' });
  const list = useLearningCatalogueQuery({ variables: { filter, first: PAGE }, notifyOnNetworkStatusChange: true });
  const [more, setMore] = useState(false);
  const firstNew = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const edges = list.data?.trainingModules.edges ?? [];
  const offlineIds = new Set(offline.modules.map((m) => m.id));

  useEffect(() => {
    if (firstNew.current === null) return;
    const link = listRef.current?.querySelectorAll<HTMLAnchorElement>('h3 a')[firstNew.current];
    firstNew.current = null;
    link?.focus();
  }, [edges.length]);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const loadMore = async () => {
    const after = list.data?.trainingModules.pageInfo.endCursor;
    if (!after) return;
    setMore(true);
    const before = edges.length;
    try {
      const result = await list.fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          trainingModules: {
            ...fetchMoreResult.trainingModules,
            edges: [...(previous.trainingModules?.edges ?? []), ...fetchMoreResult.trainingModules.edges],
          },
        }),
      });
      firstNew.current = before;
      announce(t('catalogue.loadedMore', { count: result.data?.trainingModules.edges.length ?? 0 }));
    } finally {
      setMore(false);
    }
  };

  const themes = [...(themeList.data?.themes ?? [])].sort((a, b) => a.position - b.position);
  const hubs = options.data?.hubs.edges.map((e) => e.node) ?? [];
  const canAuthor = hubs.some((h) => h.viewerRole === 'FACILITATOR' || h.viewerRole === 'COORDINATOR');

  return (
    <>
      <PageHeading>{t('catalogue.title')}</PageHeading>
      <p className="an-lead">{t('catalogue.lead')}</p>
      <div className="an-actions">
        {member && (
          <Link to="/learn/my" appearance="button-secondary">
            {t('nav.myLearning')}
          </Link>
        )}
        {member && canAuthor && (
          <Link to="/learn/new" appearance="button-secondary">
            {t('catalogue.newModule')}
          </Link>
        )}
      </div>
      <form
        className="an-learn-filters"
        role="search"
        aria-label={t('catalogue.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setParam('q', search.trim());
        }}
      >
        <div className="an-learn-filters__wide">
          <TextField
            id="learn-search"
            type="search"
            label={t('catalogue.search')}
            value={search}
            onChange={setSearch}
            addon={
              <Button type="submit" variant="secondary">
                {t('catalogue.searchButton')}
              </Button>
            }
          />
        </div>
        <Select
          id="learn-theme"
          label={t('catalogue.theme')}
          value={theme ?? ''}
          onChange={(v) => setParam('theme', v)}
          options={[
            { value: '', label: t('catalogue.any') },
            ...themes.map((th) => ({ value: th.key, label: `${th.parentKey ? '— ' : ''}${themeName(th, locale)}` })),
          ]}
        />
        <Select
          id="learn-level"
          label={t('catalogue.level')}
          value={level ?? ''}
          onChange={(v) => setParam('level', v)}
          options={[{ value: '', label: t('catalogue.any') }, ...LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))]}
        />
        <Select
          id="learn-language"
          label={t('catalogue.language')}
          value={language ?? ''}
          onChange={(v) => setParam('language', v)}
          options={[
            { value: '', label: t('catalogue.any') },
            ...LANGUAGES.map((l) => ({ value: l, label: languageName(l, locale) })),
          ]}
        />
        <Select
          id="learn-mode"
          label={t('catalogue.mode')}
          value={mode ?? ''}
          onChange={(v) => setParam('mode', v)}
          options={[{ value: '', label: t('catalogue.any') }, ...MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))]}
        />
        <Select
          id="learn-hub"
          label={t('catalogue.hub')}
          value={hubId ?? ''}
          onChange={(v) => setParam('hub', v)}
          options={[{ value: '', label: t('catalogue.any') }, ...hubs.map((h) => ({ value: h.id, label: h.name }))]}
        />
      </form>

      <section aria-labelledby="learn-results">
        <h2 id="learn-results" className="an-vh">
          {t('catalogue.results')}
        </h2>
        {!list.data ? (
          list.error && online ? (
            <QueryState loading={false} error={list.error} retry={() => void list.refetch()} />
          ) : list.error ? (
            <OfflineModulesFallback modules={offline.modules} />
          ) : (
            <Skeleton label={t('state.loading')} lines={6} heading={false} />
          )
        ) : edges.length === 0 ? (
          <p>{Object.keys(filter).length ? t('catalogue.emptyFiltered') : t('catalogue.empty')}</p>
        ) : (
          <ul className="an-learn-list" ref={listRef}>
            {edges.map(({ node }) => (
              <li key={node.id} className="an-learn-card">
                <h3>
                  <Link to={`/learn/modules/${node.slug}`}>
                    <span lang={node.language}>{node.title}</span>
                  </Link>
                </h3>
                <ModuleFacts module={node} />
                <ThemeTags keys={node.themes} />
                {node.summary && <p lang={node.language}>{node.summary}</p>}
                {offlineIds.has(node.id) && <OfflineBadge kind="available" />}
              </li>
            ))}
          </ul>
        )}
        {list.data?.trainingModules.pageInfo.hasNextPage && (
          <p>
            <Button variant="secondary" busy={more} onClick={() => void loadMore()}>
              {t('catalogue.loadMore')}
            </Button>
          </p>
        )}
      </section>
    </>
  );
}

/** Offline and never loaded: at least say which modules this device keeps. */
function OfflineModulesFallback({ modules }: { modules: { id: string; slug: string; title: string; language: string }[] }) {
  const { t } = useTranslation('learning');
  return (
    <>
      <p>{t('catalogue.offline')}</p>
      {modules.length > 0 && (
        <ul className="an-learn-list">
          {modules.map((m) => (
            <li key={m.id} className="an-learn-card">
              <h3>
                <Link to={`/learn/modules/${m.slug}`}>
                  <span lang={m.language}>{m.title}</span>
                </Link>
              </h3>
              <OfflineBadge kind="available" />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
