import { lazy } from 'react';

export { learningLocales } from './locales';
export { setAccessTokenSource } from './access';

// Pages load on demand: each is its own chunk.
export const LearningCataloguePage = lazy(() => import('./pages/catalogue-page'));
export const LearningModulePage = lazy(() => import('./pages/module-page'));
export const LearningLessonPage = lazy(() => import('./pages/lesson-page'));
export const LearningMyPage = lazy(() => import('./pages/my-learning-page'));
export const LearningModuleEditPage = lazy(() => import('./pages/module-edit-page'));
export const LearningLessonEditPage = lazy(() => import('./pages/lesson-edit-page'));
export const LearningCohortNewPage = lazy(() => import('./pages/cohort-new-page'));
export const LearningCohortRosterPage = lazy(() => import('./pages/cohort-roster-page'));
export const LearningCertificatePage = lazy(() => import('./pages/certificate-page'));
export const LearningVerifyPage = lazy(() => import('./pages/verify-page'));
/** The offline / sync status line under the header, which also sends progress made offline. */
export const LearningStatus = lazy(() => import('./components/learning-status'));
