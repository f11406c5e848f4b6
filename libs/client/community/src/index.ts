import { lazy } from 'react';

export { communityLocales } from './locales';

// Pages load on demand: each is its own chunk.
export const RegionsPage = lazy(() => import('./pages/regions-page'));
export const RegionPage = lazy(() => import('./pages/region-page'));
export const AlliancePage = lazy(() => import('./pages/alliance-page'));
export const HubsPage = lazy(() => import('./pages/hubs-page'));
export const HubPage = lazy(() => import('./pages/hub-page'));
export const HubEditPage = lazy(() => import('./pages/hub-edit-page'));
export const OrganisationPage = lazy(() => import('./pages/organisation-page'));
export const OrganisationEditPage = lazy(() => import('./pages/organisation-edit-page'));
export const MembersPage = lazy(() => import('./pages/members-page'));
export const MemberPage = lazy(() => import('./pages/member-page'));
export const CommunityProfilePage = lazy(() => import('./pages/community-profile-page'));
export const InvitationPage = lazy(() => import('./pages/invitation-page'));
export { useAccessibilityPreferences } from './use-accessibility-preferences';
