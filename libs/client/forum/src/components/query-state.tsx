import { hasCode } from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, Skeleton } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';

/** While a page's data loads, or when it could not: a skeleton, "not found" or "could not load" with a retry. */
export function QueryState({ loading, error, retry }: { loading: boolean; error?: unknown; retry?: () => void }) {
  const { t } = useTranslation('forum');
  if (error) {
    if (hasCode(error, 'NOT_FOUND') || hasCode(error, 'FORBIDDEN')) {
      return (
        <>
          <PageHeading>{t('state.notFoundTitle')}</PageHeading>
          <p>{t('state.notFound')}</p>
          <p>
            <Link to="/forum">{t('state.toForum')}</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <PageHeading>{t('state.errorTitle')}</PageHeading>
        <Notice tone="error" role="alert">
          <p>{t('state.error')}</p>
        </Notice>
        {retry && (
          <p>
            <Button variant="secondary" onClick={retry}>
              {t('state.retry')}
            </Button>
          </p>
        )}
      </>
    );
  }
  return loading ? <Skeleton label={t('state.loading')} lines={6} /> : null;
}
