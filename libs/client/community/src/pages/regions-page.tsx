import '../community.css';
import { useRegionsQuery } from '@anyam/client/graphql';
import { Link, PageHeading } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../components/query-state';

export default function RegionsPage() {
  const { t } = useTranslation('community');
  const { data, loading, error, refetch } = useRegionsQuery();
  const regions = data?.regions;
  return (
    <>
      <PageHeading>{t('regions.title')}</PageHeading>
      <p className="an-lead">{t('regions.intro')}</p>
      {!regions ? (
        <QueryState loading={loading} error={error} retry={() => void refetch()} />
      ) : regions.length === 0 ? (
        <p>{t('regions.empty')}</p>
      ) : (
        <ul className="an-cards an-cards--wide">
          {regions.map((region) => (
            <li key={region.id} className="an-card">
              <h2 className="an-card__title">
                <Link to={`/regions/${region.slug}`}>{region.name}</Link>
              </h2>
              <p>{region.description}</p>
              <p className="an-meta">{t('regions.hubCount', { count: region.hubs.length })}</p>
              {region.alliances.length > 0 ? (
                <>
                  <h3 className="an-card__subtitle">{t('regions.alliances')}</h3>
                  <ul className="an-inline-list">
                    {region.alliances.map((alliance) => (
                      <li key={alliance.id}>
                        <Link to={`/alliances/${alliance.slug}`}>{alliance.name}</Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="an-meta">{t('regions.noAlliances')}</p>
              )}
              {region.hubs.length > 0 && (
                <>
                  <h3 className="an-card__subtitle">{t('regions.hubs')}</h3>
                  <ul className="an-inline-list">
                    {region.hubs.map((hub) => (
                      <li key={hub.id}>
                        <Link to={`/hubs/${hub.slug}`}>{hub.name}</Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
