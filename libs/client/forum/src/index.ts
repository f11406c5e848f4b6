import { lazy } from 'react';

export { forumLocales } from './locales';

// Pages load on demand: each is its own chunk.
export const ForumGroupsPage = lazy(() => import('./pages/groups-page'));
export const ForumGroupPage = lazy(() => import('./pages/group-page'));
export const ForumNewThreadPage = lazy(() => import('./pages/new-thread-page'));
export const ForumThreadPage = lazy(() => import('./pages/thread-page'));
export const ForumSearchPage = lazy(() => import('./pages/search-page'));
export const ForumModerationPage = lazy(() => import('./pages/moderation-page'));
