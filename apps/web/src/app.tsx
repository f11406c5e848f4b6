import {
  ForgotPasswordPage,
  ProfilePage,
  RequireMember,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from '@anyam/client/account';
import {
  AlliancePage,
  CommunityProfilePage,
  HubEditPage,
  HubPage,
  HubsPage,
  InvitationPage,
  MemberPage,
  MembersPage,
  OrganisationEditPage,
  OrganisationPage,
  RegionPage,
  RegionsPage,
} from '@anyam/client/community';
import {
  LearningCataloguePage,
  LearningCertificatePage,
  LearningCohortNewPage,
  LearningCohortRosterPage,
  LearningLessonEditPage,
  LearningLessonPage,
  LearningModuleEditPage,
  LearningModulePage,
  LearningMyPage,
  LearningVerifyPage,
} from '@anyam/client/learning';
import {
  ForumGroupPage,
  ForumGroupsPage,
  ForumModerationPage,
  ForumNewThreadPage,
  ForumSearchPage,
  ForumThreadPage,
} from '@anyam/client/forum';
import {
  CalendarFeedsPage,
  MeetingOccurrencePage,
  MeetingSeriesFormPage,
  MeetingsCalendarPage,
  MyMeetingsPage,
} from '@anyam/client/meetings';
import { NotificationSettingsPage, NotificationsPage } from '@anyam/client/notifications';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { BootSkeleton } from './boot-skeleton';
import { Layout } from './layout';

const HomePage = lazy(() => import('./pages/home-page'));
const NotFoundPage = lazy(() => import('./pages/not-found-page'));

export function App() {
  return (
    <Suspense fallback={<BootSkeleton />}>
      <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route
          path="profile"
          element={
            <RequireMember>
              <ProfilePage />
            </RequireMember>
          }
        />
        <Route
          path="profile/community"
          element={
            <RequireMember>
              <CommunityProfilePage />
            </RequireMember>
          }
        />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="regions/:slug" element={<RegionPage />} />
        <Route path="alliances/:slug" element={<AlliancePage />} />
        <Route path="hubs" element={<HubsPage />} />
        <Route path="hubs/:slug" element={<HubPage />} />
        <Route
          path="hubs/:slug/edit"
          element={
            <RequireMember>
              <HubEditPage />
            </RequireMember>
          }
        />
        <Route path="organisations/:slug" element={<OrganisationPage />} />
        <Route
          path="organisations/:slug/edit"
          element={
            <RequireMember>
              <OrganisationEditPage />
            </RequireMember>
          }
        />
        <Route
          path="members"
          element={
            <RequireMember>
              <MembersPage />
            </RequireMember>
          }
        />
        <Route
          path="members/:id"
          element={
            <RequireMember>
              <MemberPage />
            </RequireMember>
          }
        />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="forum" element={<ForumGroupsPage />} />
        <Route path="forum/search" element={<ForumSearchPage />} />
        {/* Before ":groupSlug/new" so that /forum/t/new is a thread id, never a group called "t". */}
        <Route path="forum/t/:threadId" element={<ForumThreadPage />} />
        <Route path="forum/:groupSlug" element={<ForumGroupPage />} />
        <Route
          path="forum/:groupSlug/moderation"
          element={
            <RequireMember>
              <ForumModerationPage />
            </RequireMember>
          }
        />
        <Route
          path="forum/:groupSlug/new"
          element={
            <RequireMember>
              <ForumNewThreadPage />
            </RequireMember>
          }
        />
        <Route
          path="notifications"
          element={
            <RequireMember>
              <NotificationsPage />
            </RequireMember>
          }
        />
        <Route
          path="notifications/settings"
          element={
            <RequireMember>
              <NotificationSettingsPage />
            </RequireMember>
          }
        />
        <Route path="meetings" element={<MeetingsCalendarPage />} />
        <Route
          path="meetings/mine"
          element={
            <RequireMember>
              <MyMeetingsPage />
            </RequireMember>
          }
        />
        <Route
          path="meetings/feeds"
          element={
            <RequireMember>
              <CalendarFeedsPage />
            </RequireMember>
          }
        />
        <Route
          path="meetings/new"
          element={
            <RequireMember>
              <MeetingSeriesFormPage />
            </RequireMember>
          }
        />
        <Route
          path="meetings/series/:seriesId/edit"
          element={
            <RequireMember>
              <MeetingSeriesFormPage />
            </RequireMember>
          }
        />
        <Route path="meetings/:seriesId/:start" element={<MeetingOccurrencePage />} />
        <Route path="learn" element={<LearningCataloguePage />} />
        {/* The lesson reader and "my learning" are not behind RequireMember: offline, the session cannot be
            renewed but what is saved on the device still opens (they send visitors to sign in when online). */}
        <Route path="learn/my" element={<LearningMyPage />} />
        <Route
          path="learn/new"
          element={
            <RequireMember>
              <LearningModuleEditPage />
            </RequireMember>
          }
        />
        <Route path="learn/modules/:slug" element={<LearningModulePage />} />
        <Route
          path="learn/modules/:slug/edit"
          element={
            <RequireMember>
              <LearningModuleEditPage />
            </RequireMember>
          }
        />
        <Route
          path="learn/modules/:slug/lessons/new"
          element={
            <RequireMember>
              <LearningLessonEditPage />
            </RequireMember>
          }
        />
        <Route
          path="learn/modules/:slug/cohorts/new"
          element={
            <RequireMember>
              <LearningCohortNewPage />
            </RequireMember>
          }
        />
        <Route path="learn/lessons/:lessonId" element={<LearningLessonPage />} />
        <Route
          path="learn/lessons/:lessonId/edit"
          element={
            <RequireMember>
              <LearningLessonEditPage />
            </RequireMember>
          }
        />
        <Route
          path="learn/cohorts/:cohortId"
          element={
            <RequireMember>
              <LearningCohortRosterPage />
            </RequireMember>
          }
        />
        <Route path="learn/certificates/:code" element={<LearningCertificatePage />} />
        <Route path="verify/:code" element={<LearningVerifyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      </Routes>
    </Suspense>
  );
}
