import { hasCode } from '@anyam/client/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from './link';
import { QueryState } from './query-state';

export interface NamespaceQueryStateProps {
  /** The page namespace holding `state.*` messages. */
  ns: string;
  /** Where "not found" sends the reader, and the key of that link's text in the namespace. */
  away: { to: string; labelKey: string };
  loading: boolean;
  error?: unknown;
  retry?: () => void;
}

/** The loading / not found / error state of an area's page, with that area's messages and way out. */
export function NamespaceQueryState({ ns, away, loading, error, retry }: NamespaceQueryStateProps) {
  const { t } = useTranslation(ns);
  const messages = {
    loading: t('state.loading'),
    notFoundTitle: t('state.notFoundTitle'),
    notFound: t('state.notFound'),
    errorTitle: t('state.errorTitle'),
    error: t('state.error'),
    retry: t('state.retry'),
  };
  // A record the reader may not see is, for them, not there.
  const notFound = Boolean(error) && (hasCode(error, 'NOT_FOUND') || hasCode(error, 'FORBIDDEN'));
  return (
    <QueryState loading={loading} error={error} notFound={notFound} retry={retry} messages={messages} away={<Link to={away.to}>{t(away.labelKey)}</Link>} />
  );
}
