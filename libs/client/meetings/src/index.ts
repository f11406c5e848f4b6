import { lazy } from 'react';

export { meetingsLocales } from './locales';

// Pages load on demand: each is its own chunk.
export const MeetingsCalendarPage = lazy(() => import('./pages/calendar-page'));
export const MeetingOccurrencePage = lazy(() => import('./pages/occurrence-page'));
export const MeetingSeriesFormPage = lazy(() => import('./pages/series-form-page'));
export const MyMeetingsPage = lazy(() => import('./pages/my-meetings-page'));
export const CalendarFeedsPage = lazy(() => import('./pages/calendar-feeds-page'));
