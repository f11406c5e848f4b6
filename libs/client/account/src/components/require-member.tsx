import { Skeleton } from '@anyam/client/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session';

/** Shows its children to a signed-in member; sends anyone else to sign in and back here afterwards. */
export function RequireMember({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  const { t } = useTranslation('account');
  if (status === 'loading') return <Skeleton label={t('loading')} lines={4} />;
  if (status === 'signedOut') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
