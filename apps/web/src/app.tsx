import {
  ForgotPasswordPage,
  ProfilePage,
  RequireMember,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from '@anyam/client/account';
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      </Routes>
    </Suspense>
  );
}
