import '../community.css';
import { useAllianceQuery } from '@anyam/client/graphql';
import { DateTime, Link, PageHeading } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { HubCards } from '../components/hub-card';
import { QueryState } from '../components/query-state';

export default function AlliancePage() {
  const { t } = useTranslation('community');
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useAllianceQuery({ variables: { slug } });
  const alliance = data?.alliance;
  if (!alliance) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  return (
    <>
      <p className="an-breadcrumb">
        <Link to={`/regions/${alliance.region.slug}`}>{alliance.region.name}</Link>
      </p>
      <PageHeading>{alliance.name}</PageHeading>
      <p className="an-lead">{alliance.description}</p>
      <dl className="an-facts">
        <div>
          <dt>{t('alliance.region')}</dt>
          <dd>
            <Link to={`/regions/${alliance.region.slug}`}>{alliance.region.name}</Link>
          </dd>
        </div>
        {alliance.launchedOn && (
          <div>
            <dt>{t('alliance.launchedOn')}</dt>
            <dd>
              <DateTime value={`${alliance.launchedOn}T12:00:00Z`} variant="date" timeZone="UTC" />
            </dd>
          </div>
        )}
      </dl>
      <section className="an-section" aria-labelledby="alliance-hubs">
        <h2 id="alliance-hubs">{t('alliance.hubs', { count: alliance.hubs.length })}</h2>
        {alliance.hubs.length === 0 ? <p>{t('region.noHubs')}</p> : <HubCards hubs={alliance.hubs} />}
      </section>
    </>
  );
}
