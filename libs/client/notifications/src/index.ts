import { lazy } from 'react';

export { notificationsLocales } from './locales';

// Pages load on demand: each is its own chunk.
export const NotificationsPage = lazy(() => import('./pages/notifications-page'));
export const NotificationSettingsPage = lazy(() => import('./pages/notification-settings-page'));
