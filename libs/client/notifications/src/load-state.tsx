import { Button, Notice, Skeleton } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';

/** Under a page's own heading: a skeleton while loading, or "could not load" with a retry. */
export function LoadState({ error, retry }: { error?: unknown; retry: () => void }) {
  const { t } = useTranslation('notifications');
  if (!error) return <Skeleton label={t('state.loading')} lines={4} heading={false} />;
  return (
    <Notice tone="error" role="alert">
      <p>{t('state.error')}</p>
      <p>
        <Button variant="secondary" onClick={retry}>
          {t('state.retry')}
        </Button>
      </p>
    </Notice>
  );
}
