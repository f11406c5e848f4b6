import '../community.css';
import { useOrganisationQuery } from '@anyam/client/graphql';
import { Link, PageHeading } from '@anyam/client/ui';
import { BadgeCheck, MapPin, Pencil } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { HubCards } from '../components/hub-card';
import { InviteForm } from '../components/invite-form';
import { QueryState } from '../components/query-state';
import { ThemeTags } from '../components/themes';
import { formatList, languageName, place } from '../format';

export default function OrganisationPage() {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useOrganisationQuery({ variables: { slug } });
  const org = data?.organisation;
  if (!org) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  return (
    <>
      <PageHeading>{org.name}</PageHeading>
      <p className="an-meta">
        <MapPin className="an-icon" aria-hidden="true" focusable="false" />
        {place(org.city, org.country, locale)}
        {org.verified && (
          <span className="an-badge an-badge--ok">
            <BadgeCheck className="an-icon" aria-hidden="true" focusable="false" />
            {t('organisation.verified')}
          </span>
        )}
      </p>
      <p className="an-lead">{org.description}</p>
      <ThemeTags themes={org.themes} />
      <dl className="an-facts an-facts--wide">
        {org.languages.length > 0 && (
          <div>
            <dt>{t('organisation.languages')}</dt>
            <dd>{formatList(org.languages.map((l) => languageName(l, locale)), locale)}</dd>
          </div>
        )}
        {org.website && (
          <div>
            <dt>{t('organisation.website')}</dt>
            <dd>
              <Link to={org.website}>{org.website.replace(/^https?:\/\//, '')}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('organisation.visibility')}</dt>
          <dd>{t(`visibility.${org.visibility}`)}</dd>
        </div>
        {org.viewerRole && (
          <div>
            <dt>{t('organisation.yourRole')}</dt>
            <dd>{t(`roles.${org.viewerRole}`)}</dd>
          </div>
        )}
      </dl>
      {org.viewerCanEdit && (
        <p className="an-after-form">
          <Link to={`/organisations/${org.slug}/edit`} appearance="button-secondary">
            <Pencil className="an-icon" aria-hidden="true" focusable="false" />
            {t('organisation.edit')}
          </Link>
        </p>
      )}
      <section className="an-section" aria-labelledby="org-hubs">
        <h2 id="org-hubs">{t('organisation.hubs')}</h2>
        {org.hubs.length === 0 ? <p>{t('organisation.noHubs')}</p> : <HubCards hubs={org.hubs} />}
      </section>
      {org.viewerCanInvite && (
        <section className="an-section" aria-labelledby="org-coordinate">
          <h2 id="org-coordinate">{t('coordinate.title')}</h2>
          <InviteForm organisationId={org.id} hubName={org.name} />
        </section>
      )}
    </>
  );
}
