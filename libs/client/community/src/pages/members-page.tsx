import '../community.css';
import { useMemberFilterOptionsQuery, useMembersQuery } from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, TextField, useAnnounce } from '@anyam/client/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../components/query-state';

const PAGE = 20;
const KEYS = ['q', 'hub', 'organisation'] as const;
type Key = (typeof KEYS)[number];

export default function MembersPage() {
  const { t } = useTranslation('community');
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<Key, string>;
  const [draft, setDraft] = useState(applied);
  const paramString = params.toString();
  useEffect(() => {
    setDraft(Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<Key, string>);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paramString]);
  const options = useMemberFilterOptionsQuery();
  const { data, loading, error, refetch, fetchMore } = useMembersQuery({
    variables: {
      first: PAGE,
      filter: {
        search: applied.q.trim() || undefined,
        hubId: applied.hub || undefined,
        organisationId: applied.organisation || undefined,
      },
    },
    notifyOnNetworkStatusChange: true,
  });
  const [more, setMore] = useState(false);
  const edges = data?.members.edges ?? [];
  const filtered = KEYS.some((k) => applied[k]);
  const apply = (next: Record<Key, string>) => {
    const search = new URLSearchParams();
    for (const k of KEYS) if (next[k].trim()) search.set(k, next[k].trim());
    setParams(search);
  };

  return (
    <>
      <PageHeading>{t('members.title')}</PageHeading>
      <p className="an-lead">{t('members.intro')}</p>
      <p>
        <Link to="/profile/community">{t('members.yourSetting')}</Link>
      </p>
      <form
        className="an-filters"
        role="search"
        aria-label={t('members.filterLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <TextField
          id="members-search"
          type="search"
          label={t('members.search')}
          value={draft.q}
          onChange={(q) => setDraft((d) => ({ ...d, q }))}
        />
        <Select
          id="members-hub"
          label={t('members.hub')}
          value={draft.hub}
          onChange={(hub) => setDraft((d) => ({ ...d, hub }))}
          options={[
            { value: '', label: t('members.anyHub') },
            ...(options.data?.hubs.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name })),
          ]}
        />
        <Select
          id="members-organisation"
          label={t('members.organisation')}
          value={draft.organisation}
          onChange={(organisation) => setDraft((d) => ({ ...d, organisation }))}
          options={[
            { value: '', label: t('members.anyOrganisation') },
            ...(options.data?.organisations.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name })),
          ]}
        />
        <div className="an-actions an-filters__actions">
          <Button type="submit">{t('members.apply')}</Button>
          {filtered && (
            <Button variant="quiet" onClick={() => apply({ q: '', hub: '', organisation: '' })}>
              {t('hubs.clear')}
            </Button>
          )}
        </div>
      </form>
      <section aria-labelledby="members-results" className="an-results">
        <h2 id="members-results" className="an-vh">
          {t('members.results')}
        </h2>
        {!data ? (
          <QueryState loading={loading} error={error} retry={() => void refetch()} />
        ) : (
          <>
            <p role="status" className="an-meta">
              {edges.length === 0 ? t('members.none') : t('members.showing', { count: edges.length })}
            </p>
            <ul className="an-rows">
              {edges.map(({ node }) => (
                <li key={node.id} className="an-row">
                  <div>
                    <Link to={`/members/${node.id}`}>{node.name}</Link>
                    {node.pronouns && <span className="an-meta"> ({node.pronouns})</span>}
                    {node.organisations.length > 0 && (
                      <div className="an-meta">
                        {node.organisations
                          .map((o) => o.organisation?.name)
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            {data.members.pageInfo.hasNextPage && (
              <p className="an-after-form">
                <Button
                  variant="secondary"
                  busy={more}
                  onClick={async () => {
                    setMore(true);
                    try {
                      const result = await fetchMore({
                        variables: { after: data.members.pageInfo.endCursor },
                        updateQuery: (previous, { fetchMoreResult }) => ({
                          members: {
                            ...fetchMoreResult.members,
                            edges: [...(previous.members?.edges ?? []), ...fetchMoreResult.members.edges],
                          },
                        }),
                      });
                      announce(t('hubs.loadedMore', { count: result.data?.members.edges.length ?? 0 }));
                    } finally {
                      setMore(false);
                    }
                  }}
                >
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
