import '../community.css';
import { useRegionQuery } from '@anyam/client/graphql';
import { Link, PageHeading } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { HubCards } from '../components/hub-card';
import { QueryState } from '../components/query-state';

export default function RegionPage() {
  const { t } = useTranslation('community');
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useRegionQuery({ variables: { slug } });
  const region = data?.region;
  if (!region) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  return (
    <>
      <p className="an-breadcrumb">
        <Link to="/regions">{t('regions.title')}</Link>
      </p>
      <PageHeading>{region.name}</PageHeading>
      <p className="an-lead">{region.description}</p>
      <dl className="an-facts">
        <div>
          <dt>{t('region.timeZone')}</dt>
          <dd>{region.timeZone}</dd>
        </div>
      </dl>
      <section className="an-section" aria-labelledby="region-alliances">
        <h2 id="region-alliances">{t('regions.alliances')}</h2>
        {region.alliances.length === 0 ? (
          <p>{t('regions.noAlliances')}</p>
        ) : (
          <ul className="an-plain-list">
            {region.alliances.map((alliance) => (
              <li key={alliance.id}>
                <Link to={`/alliances/${alliance.slug}`}>{alliance.name}</Link>
                <p>{alliance.description}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="an-section" aria-labelledby="region-hubs">
        <h2 id="region-hubs">{t('regions.hubs')}</h2>
        {region.hubs.length === 0 ? <p>{t('region.noHubs')}</p> : <HubCards hubs={region.hubs} />}
      </section>
    </>
  );
}
