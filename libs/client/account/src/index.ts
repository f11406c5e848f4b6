import { lazy } from 'react';

export { SessionProvider, useSession, type Session, type SessionStatus, type Member } from './session';
export { RequireMember } from './components/require-member';
export { accountLocales } from './locales';
export { safeNext } from './validation';

// Pages load on demand: each is its own chunk.
export const SignUpPage = lazy(() => import('./pages/sign-up-page'));
export const SignInPage = lazy(() => import('./pages/sign-in-page'));
export const ForgotPasswordPage = lazy(() => import('./pages/forgot-password-page'));
export const ResetPasswordPage = lazy(() => import('./pages/reset-password-page'));
export const ProfilePage = lazy(() => import('./pages/profile-page'));
