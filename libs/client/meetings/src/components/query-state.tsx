import { hasCode } from '@anyam/client/graphql';
import { Link, QueryState as UiQueryState } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';

/** The shared loading / not found / error state, with this area's messages and way out. */
export function QueryState({ loading, error, retry }: { loading: boolean; error?: unknown; retry?: () => void }) {
  const { t } = useTranslation('meetings');
  const messages = {
    loading: t('state.loading'),
    notFoundTitle: t('state.notFoundTitle'),
    notFound: t('state.notFound'),
    errorTitle: t('state.errorTitle'),
    error: t('state.error'),
    retry: t('state.retry'),
  };
  const notFound = Boolean(error) && (hasCode(error, 'NOT_FOUND') || hasCode(error, 'FORBIDDEN'));
  return (
    <UiQueryState
      loading={loading}
      error={error}
      notFound={notFound}
      retry={retry}
      messages={messages}
      away={<Link to="/meetings">{t('state.toMeetings')}</Link>}
    />
  );
}
