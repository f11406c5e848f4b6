import {
  UnreadNotificationCountDocument,
  useNotificationAddedSubscription,
  useUnreadNotificationCountQuery,
} from '@anyam/client/graphql';
import { Bell } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/**
 * The header's bell: a link to /notifications named with the unread count ("Notifications, 3 unread"),
 * kept live by notificationAdded (members already hold the live connection for their profile). It does not
 * announce each arrival: the page's own live messages (a new reply) must not be talked over.
 */
export function NotificationBell() {
  const { t } = useTranslation('web');
  const { data } = useUnreadNotificationCountQuery({ fetchPolicy: 'cache-and-network' });
  useNotificationAddedSubscription({
    onData: ({ client, data: event }) => {
      if (!event.data?.notificationAdded) return;
      client.cache.updateQuery({ query: UnreadNotificationCountDocument }, (current) => ({
        unreadNotificationCount: (current?.unreadNotificationCount ?? 0) + 1,
      }));
    },
  });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <NavLink to="/notifications" className="an-bell" aria-label={count ? t('bell.unread', { count }) : t('bell.none')}>
      <Bell className="an-icon" aria-hidden="true" focusable="false" />
      {count > 0 && (
        <span className="an-bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
