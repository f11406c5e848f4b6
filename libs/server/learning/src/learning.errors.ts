import { AppError } from '@anyam/server/core';
import { ErrorCode } from '@anyam/shared/domain';

/** Reasons the web app translates, per field. */
export enum LearningReason {
  Empty = 'empty',
  TooLong = 'tooLong',
  Invalid = 'invalid',
  Unknown = 'unknown',
  Taken = 'taken',
  OutOfRange = 'outOfRange',
  TooMany = 'tooMany',
  OneOf = 'oneOf',
  NotSelfPaced = 'notSelfPaced',
  EnrolmentClosed = 'enrolmentClosed',
  NotPublished = 'notPublished',
  AlreadyEnrolled = 'alreadyEnrolled',
  PrerequisitesNotMet = 'prerequisitesNotMet',
  NotEnrolled = 'notEnrolled',
  NoAttemptsLeft = 'noAttemptsLeft',
  NoQuiz = 'noQuiz',
  Completed = 'completed',
  Future = 'future',
  FileType = 'fileType',
  FileTooLarge = 'fileTooLarge',
}

export const LEARNING_LIMITS = {
  titleMax: 200,
  summaryMax: 4000,
  contentMax: 100_000,
  themesMax: 5,
  authorsMax: 10,
  prerequisitesMax: 10,
  lessonsMax: 100,
  questionsMax: 50,
  optionsMin: 2,
  optionsMax: 10,
  promptMax: 2000,
  feedbackMax: 2000,
  cohortNameMax: 120,
  placeMax: 300,
  linkMax: 500,
  seatsMax: 10_000,
  syncBatchMax: 200,
  /** Client clocks may run a little ahead. */
  clockSkewMs: 5 * 60_000,
  uploadMaxBytes: 10 * 1024 * 1024,
  resourcesPerLessonMax: 20,
} as const;

export const LearningError = {
  empty: (field: string) => AppError.badInput(field, LearningReason.Empty, 'This field cannot be empty.'),
  tooLong: (field: string, max: number) => AppError.badInput(field, LearningReason.TooLong, `Use at most ${max} characters.`),
  tooMany: (field: string, max: number) => AppError.badInput(field, LearningReason.TooMany, `Give at most ${max} items.`),
  invalid: (field: string, message: string) => AppError.badInput(field, LearningReason.Invalid, message),
  outOfRange: (field: string, message: string) => AppError.badInput(field, LearningReason.OutOfRange, message),
  unknown: (field: string, message: string) => AppError.badInput(field, LearningReason.Unknown, message),
  language: (field = 'language') => AppError.badInput(field, LearningReason.Invalid, 'Use a language tag such as id, es, pt-BR or en.'),
  slugInvalid: () => AppError.badInput('slug', LearningReason.Invalid, 'Use lower-case letters, digits and single hyphens, like "financial-resilience".'),
  slugTaken: () => AppError.conflict('slug', LearningReason.Taken, 'Another module already uses this address. Choose another slug.'),
  oneOf: (a: string, b: string) => AppError.badInput(a, LearningReason.OneOf, `Give either ${a} or ${b}.`),
  notSelfPaced: () =>
    AppError.badInput('moduleId', LearningReason.NotSelfPaced, 'This module is taught in cohorts only. Choose a cohort to enrol in.'),
  enrolmentClosed: () => AppError.badInput('cohortId', LearningReason.EnrolmentClosed, 'Enrolment for this cohort is not open.'),
  notPublished: (field = 'moduleId') => AppError.badInput(field, LearningReason.NotPublished, 'This module is not published.'),
  alreadyEnrolled: () =>
    AppError.conflict('cohortId', LearningReason.AlreadyEnrolled, 'You are already enrolled in this module. Withdraw first to change cohort.'),
  prerequisitesNotMet: (titles: string[]) =>
    new AppError(ErrorCode.Forbidden, `Complete these modules first: ${titles.join(', ')}.`, { reason: LearningReason.PrerequisitesNotMet }),
  notEnrolled: () => new AppError(ErrorCode.Forbidden, 'Enrol in this module (and get a seat) first.', { reason: LearningReason.NotEnrolled }),
  noAttemptsLeft: () => new AppError(ErrorCode.Forbidden, 'You have used every attempt at this quiz.', { reason: LearningReason.NoAttemptsLeft }),
  noQuiz: () => AppError.badInput('lessonId', LearningReason.NoQuiz, 'This lesson has no quiz.'),
  future: (field: string) => AppError.badInput(field, LearningReason.Future, 'This time is in the future. Check the device’s clock.'),
  moduleNotFound: () => AppError.notFound('No such training module.'),
  lessonNotFound: () => AppError.notFound('No such lesson.'),
  cohortNotFound: () => AppError.notFound('No such cohort.'),
  enrolmentNotFound: () => AppError.notFound('No such enrolment.'),
  certificateNotFound: () => AppError.notFound('No certificate has this code.'),
  resourceNotFound: () => AppError.notFound('No such file.'),
  hubNotFound: () => AppError.notFound('No such hub.'),
};
