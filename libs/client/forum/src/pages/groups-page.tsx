import '../forum.css';
import { useForumGroupsQuery, type ForumGroupSummaryFragment } from '@anyam/client/graphql';
import { Link, PageHeading } from '@anyam/client/ui';
import { Lock, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../components/query-state';
import { SearchBox } from '../components/search-box';

interface Section {
  key: string;
  title: string;
  groups: ForumGroupSummaryFragment[];
}

const KIND_ORDER = { REGION: 0, HUB: 1, THEME: 2 } as const;

export default function ForumGroupsPage() {
  const { t } = useTranslation('forum');
  const { data, loading, error, refetch } = useForumGroupsQuery({ variables: { first: 100 } });

  const sections: Section[] = [];
  if (data) {
    const groups = data.groups.edges.map((e) => e.node);
    for (const region of data.regions) {
      const inRegion = groups
        .filter((g) => g.kind !== 'THEME' && g.regionId === region.id)
        .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name));
      if (inRegion.length) sections.push({ key: region.id, title: region.name, groups: inRegion });
    }
    const placed = new Set(sections.flatMap((s) => s.groups.map((g) => g.id)));
    const themes = groups.filter((g) => g.kind === 'THEME');
    if (themes.length) sections.push({ key: 'themes', title: t('groups.themes'), groups: themes });
    const rest = groups.filter((g) => g.kind !== 'THEME' && !placed.has(g.id));
    if (rest.length) sections.push({ key: 'other', title: t('groups.otherRegion'), groups: rest });
  }

  return (
    <>
      <PageHeading>{t('groups.title')}</PageHeading>
      <p className="an-lead">{t('groups.intro')}</p>
      <SearchBox id="forum-search" />
      {!data ? (
        <QueryState loading={loading} error={error} retry={() => void refetch()} />
      ) : sections.length === 0 ? (
        <p>{t('groups.empty')}</p>
      ) : (
        sections.map((section) => (
          <section key={section.key} aria-labelledby={`forum-section-${section.key}`} className="an-forum-section">
            <h2 id={`forum-section-${section.key}`}>{section.title}</h2>
            <ul className="an-forum-groups">
              {section.groups.map((group) => (
                <li key={group.id} className="an-forum-group">
                  <h3 className="an-forum-group__name">
                    <Link to={`/forum/${group.slug}`}>{group.name}</Link>
                  </h3>
                  <p className="an-forum-meta">
                    <span>{t(group.kind === 'REGION' ? 'groups.regional' : group.kind === 'HUB' ? 'groups.hub' : 'groups.theme')}</span>
                    {group.visibility !== 'PUBLIC' && (
                      <span className="an-forum-badge">
                        {group.visibility === 'PRIVATE' ? (
                          <Lock className="an-icon" aria-hidden="true" focusable="false" />
                        ) : (
                          <Users className="an-icon" aria-hidden="true" focusable="false" />
                        )}
                        {t(group.visibility === 'PRIVATE' ? 'groups.private' : 'groups.membersOnly')}
                      </span>
                    )}
                  </p>
                  {group.description && (
                    <p className="an-forum-group__description" lang={group.defaultLanguage}>
                      {group.description}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
