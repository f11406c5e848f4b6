import '../community.css';
import { useSession } from '@anyam/client/account';
import { useDirectoryMemberQuery } from '@anyam/client/graphql';
import { Link, PageHeading } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { ThemeTags } from '../components/themes';
import { formatList, languageName } from '../format';

export default function MemberPage() {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { id = '' } = useParams();
  const { member: me } = useSession();
  const { data, loading, error, refetch } = useDirectoryMemberQuery({ variables: { id } });
  const person = data?.member;
  if (!person) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const themes = (data.themes ?? []).filter((theme) => person.themeKeys.includes(theme.key));
  return (
    <>
      <p className="an-breadcrumb">
        <Link to="/members">{t('members.title')}</Link>
      </p>
      <PageHeading>{person.name}</PageHeading>
      {person.pronouns && <p className="an-meta">{t('member.pronouns', { pronouns: person.pronouns })}</p>}
      {person.bio && <p className="an-lead">{person.bio}</p>}
      {me?.id === person.id && (
        <p>
          <Link to="/profile/community">{t('member.editOwn')}</Link>
        </p>
      )}
      <dl className="an-facts an-facts--wide">
        {person.languages.length > 0 && (
          <div>
            <dt>{t('member.languages')}</dt>
            <dd>{formatList(person.languages.map((l) => languageName(l, locale)), locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('member.timeZone')}</dt>
          <dd>{person.timeZone}</dd>
        </div>
        <div>
          <dt>{t('member.organisations')}</dt>
          <dd>
            {person.organisations.filter((o) => o.organisation).length === 0 ? (
              t('member.none')
            ) : (
              <ul className="an-plain-list">
                {person.organisations.map(({ organisation, role }) =>
                  organisation ? (
                    <li key={organisation.id}>
                      <Link to={`/organisations/${organisation.slug}`}>{organisation.name}</Link> · {t(`roles.${role}`)}
                    </li>
                  ) : null,
                )}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('member.hubs')}</dt>
          <dd>
            {person.hubs.filter((h) => h.hub).length === 0 ? (
              t('member.none')
            ) : (
              <ul className="an-plain-list">
                {person.hubs.map(({ hub, role }) =>
                  hub ? (
                    <li key={hub.id}>
                      <Link to={`/hubs/${hub.slug}`}>{hub.name}</Link> · {t(`roles.${role}`)}
                    </li>
                  ) : null,
                )}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {themes.length > 0 && (
        <section className="an-section" aria-labelledby="member-themes">
          <h2 id="member-themes">{t('member.themes')}</h2>
          <ThemeTags themes={themes} label={t('member.themes')} />
        </section>
      )}
    </>
  );
}
