import '../notifications.css';
import {
  useMarkNotificationsReadMutation,
  useNotificationsQuery,
  type NotificationItemFragment,
} from '@anyam/client/graphql';
import { Button, DateTime, formatDateTime, Link, PageHeading, useAnnounce, useViewer } from '@anyam/client/ui';
import { CheckCheck, Settings } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadState } from '../load-state';
import { notificationText } from '../notification-text';

const PAGE = 20;

/** What I was told about: replies, mentions, accepted answers, watched threads, meetings, learning. */
export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const viewer = useViewer();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('show') === 'unread';
  const { data, error, refetch, fetchMore } = useNotificationsQuery({
    variables: { first: PAGE, unreadOnly },
    notifyOnNetworkStatusChange: true,
  });
  const [markRead, markState] = useMarkNotificationsReadMutation();
  const [more, setMore] = useState(false);

  const format = (iso: string) => formatDateTime(iso, { locale: viewer.locale, timeZone: viewer.timeZone });

  const markAll = async () => {
    try {
      await markRead({
        variables: { all: true },
        update: (cache) => {
          cache.modify({
            fields: {
              unreadNotificationCount: () => 0,
            },
          });
          for (const n of data?.notifications.edges ?? []) {
            cache.modify({ id: cache.identify(n.node), fields: { readAt: (v) => v ?? new Date().toISOString() } });
          }
        },
      });
      announce(t('page.allRead'));
    } catch {
      announce(t('state.error'), 'assertive');
    }
  };

  const open = (n: NotificationItemFragment) => {
    if (!n.readAt) {
      void markRead({
        variables: { ids: [n.id] },
        update: (cache, result) => {
          cache.modify({ id: cache.identify(n), fields: { readAt: () => new Date().toISOString() } });
          if (result.data?.markNotificationsRead) {
            cache.modify({ fields: { unreadNotificationCount: (c: number) => Math.max(0, c - result.data!.markNotificationsRead) } });
          }
        },
      }).catch(() => undefined);
    }
    navigate(n.url);
  };

  const loadMore = async () => {
    const after = data?.notifications.pageInfo.endCursor;
    if (!after) return;
    setMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          notifications: {
            ...fetchMoreResult.notifications,
            edges: [...(previous.notifications?.edges ?? []), ...fetchMoreResult.notifications.edges],
          },
        }),
      });
    } finally {
      setMore(false);
    }
  };

  const edges = data?.notifications.edges ?? [];
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <>
      <PageHeading>{t('page.title')}</PageHeading>
      <div className="an-notifications-bar">
        <p className="an-notifications-count" aria-live="polite">
          {t('page.unread', { count: unread })}
        </p>
        <div className="an-actions">
          <Button variant="secondary" busy={markState.loading} disabled={unread === 0} onClick={() => void markAll()}>
            <CheckCheck className="an-icon" aria-hidden="true" focusable="false" />
            {t('page.markAll')}
          </Button>
          <Link to="/notifications/settings" appearance="button-secondary">
            <Settings className="an-icon" aria-hidden="true" focusable="false" />
            {t('page.settings')}
          </Link>
        </div>
      </div>
      <fieldset className="an-notifications-filter">
        <legend className="an-vh">{t('page.show')}</legend>
        {(['all', 'unread'] as const).map((value) => (
          <label key={value} className="an-notifications-filter__option">
            <input
              type="radio"
              name="show"
              value={value}
              checked={(value === 'unread') === unreadOnly}
              onChange={() => {
                const next = new URLSearchParams(params);
                if (value === 'unread') next.set('show', 'unread');
                else next.delete('show');
                setParams(next, { replace: true });
              }}
            />
            {t(`page.show_${value}`)}
          </label>
        ))}
      </fieldset>
      {!data ? (
        <LoadState error={error} retry={() => void refetch()} />
      ) : edges.length === 0 ? (
        <p className="an-notifications-empty">{unreadOnly ? t('page.emptyUnread') : t('page.empty')}</p>
      ) : (
        <ul className="an-notifications" aria-label={t('page.listLabel')}>
          {edges.map(({ node }) => (
            <li key={node.id} className={`an-notification${node.readAt ? '' : ' an-notification--unread'}`}>
              <a
                href={node.url}
                className="an-notification__link"
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  open(node);
                }}
              >
                {!node.readAt && <span className="an-vh">{t('page.unreadMarker')} </span>}
                {notificationText(node, t, format)}
              </a>
              <span className="an-notification__time">
                <DateTime value={node.createdAt} variant="relative" />
              </span>
            </li>
          ))}
        </ul>
      )}
      {data?.notifications.pageInfo.hasNextPage && (
        <p>
          <Button variant="secondary" busy={more} onClick={() => void loadMore()}>
            {t('page.loadMore')}
          </Button>
        </p>
      )}
    </>
  );
}
