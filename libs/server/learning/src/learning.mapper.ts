import { Actor } from '@anyam/server/core';
import { LessonEntity } from './entities/lesson.entity';
import { LessonProgressEntity } from './entities/enrolment.entity';
import { CohortRow, EnrolmentWithProgress, ModuleAccess, ModuleRow } from './learning.repository';
import { LearningPolicy } from './learning.policy';
import { DeliveryModeEnum, EnrolmentStatusEnum, ModuleLevelEnum, ModuleStatusEnum } from './learning.enums';
import { TrainingModuleType } from './graphql/training-module.type';
import { LessonType, LessonProgressType } from './graphql/lesson.type';
import { CohortType } from './graphql/cohort.type';
import { CertificateType, EnrolmentType } from './graphql/enrolment.type';
import type { CertificateRow } from './learning.loaders';

export function toModuleType(row: ModuleRow, viewer: Actor): TrainingModuleType {
  const m = row.module;
  return {
    id: m.id,
    slug: m.slug,
    title: m.title,
    summary: m.summary,
    level: m.level as ModuleLevelEnum,
    language: m.language,
    estimatedHours: Number(m.estimatedHours),
    deliveryMode: m.deliveryMode as DeliveryModeEnum,
    status: m.status as ModuleStatusEnum,
    selfPaced: m.selfPaced,
    discussionThreadId: m.discussionThreadId,
    publishedAt: m.publishedAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    lessonCount: row.facts.lessonCount,
    viewerCanEdit: LearningPolicy.canEditModule(viewer, m, row.facts),
    hubId: m.hubId,
    facts: row.facts,
  };
}

export function toLessonType(l: LessonEntity, module: ModuleAccess, viewer: Actor): LessonType {
  const canRead = LearningPolicy.canReadLessons(viewer, module.module, module.facts);
  const canEdit = LearningPolicy.canEditModule(viewer, module.module, module.facts);
  return {
    id: l.id,
    moduleId: l.moduleId,
    position: l.position,
    title: l.title,
    estimatedMinutes: l.estimatedMinutes,
    hasQuiz: l.quizPassMark !== null,
    viewerCanRead: canRead,
    viewerCanEdit: canEdit,
    contentHtml: canRead ? l.contentHtml : null,
    contentMarkdown: canEdit ? l.contentMarkdown : null,
    updatedAt: l.updatedAt,
    quizPassMark: l.quizPassMark,
    quizAttemptsAllowed: l.quizAttemptsAllowed,
    hubId: module.module.hubId,
  };
}

export function toProgressType(p: LessonProgressEntity): LessonProgressType {
  return { lessonId: p.lessonId, startedAt: p.startedAt, completedAt: p.completedAt, completed: p.completedAt !== null };
}

export function toCohortType(row: CohortRow, module: ModuleAccess, viewer: Actor): CohortType {
  const c = row.cohort;
  const now = Date.now();
  const canManage = LearningPolicy.canManageCohort(viewer, module.module, module.facts, row.viewerFacilitates);
  return {
    id: c.id,
    moduleId: c.moduleId,
    name: c.name,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    seats: c.seats,
    seatsTaken: c.seatsTaken,
    seatsLeft: Math.max(0, c.seats - c.seatsTaken),
    waitlistCount: row.waitlistCount,
    enrolmentOpensAt: c.enrolmentOpensAt,
    enrolmentClosesAt: c.enrolmentClosesAt,
    enrolmentOpen: (!c.enrolmentOpensAt || c.enrolmentOpensAt.getTime() <= now) && (!c.enrolmentClosesAt || c.enrolmentClosesAt.getTime() > now),
    deliveryMode: c.deliveryMode as DeliveryModeEnum,
    place: c.place,
    link: canManage || row.viewerHasSeat ? c.link : null,
    viewerCanManage: canManage,
    hubId: module.module.hubId,
  };
}

export function toEnrolmentType(row: EnrolmentWithProgress): EnrolmentType {
  const e = row.enrolment;
  return {
    id: e.id,
    moduleId: e.moduleId,
    cohortId: e.cohortId,
    status: e.status as EnrolmentStatusEnum,
    waitlistPosition: e.waitlistPosition,
    createdAt: e.createdAt,
    enrolledAt: e.enrolledAt,
    completedAt: e.completedAt,
    withdrawnAt: e.withdrawnAt,
    progress: {
      lessonsDone: row.lessonsDone,
      lessonsTotal: row.lessonsTotal,
      percent: row.lessonsTotal ? Math.floor((100 * row.lessonsDone) / row.lessonsTotal) : 0,
      nextLesson: row.nextLesson,
      lastActivityAt: row.lastActivityAt,
    },
    memberId: e.memberId,
  };
}

export function toCertificateType(c: CertificateRow): CertificateType {
  return {
    code: c.code,
    memberName: c.memberName,
    moduleTitle: c.moduleTitle,
    hubName: c.hubName,
    issuedAt: c.issuedAt,
    pdfUrl: `/certificates/${c.code}.pdf`,
    verifyPath: `/verify/${c.code}`,
  };
}

/** What the policy needs of a module already mapped to its API type. */
export function accessOf(m: Pick<TrainingModuleType, 'hubId' | 'status' | 'facts'>): ModuleAccess {
  return { module: { hubId: m.hubId, status: m.status as unknown as ModuleAccess['module']['status'] }, facts: m.facts };
}
