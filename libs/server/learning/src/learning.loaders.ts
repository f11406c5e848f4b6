import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Actor, isMember, LoaderFactory } from '@anyam/server/core';
import { LessonEntity, LessonResourceEntity } from './entities/lesson.entity';
import { QuizOptionEntity, QuizQuestionEntity } from './entities/quiz.entity';
import { CertificateEntity, LessonProgressEntity } from './entities/enrolment.entity';
import { CohortRow, EnrolmentWithProgress, LearningRepository, ModuleRow } from './learning.repository';

export interface QuizContent {
  questions: QuizQuestionEntity[];
  options: QuizOptionEntity[];
}

export interface AttemptSummary {
  count: number;
  best: number | null;
  passed: boolean;
}

export type CertificateRow = CertificateEntity & { memberName: string; moduleTitle: string; hubName: string; locale: string };

export interface LearningLoaders {
  /** Modules the viewer can see, with viewer facts; null when missing or hidden. */
  moduleById: DataLoader<string, ModuleRow | null>;
  lessonsByModuleId: DataLoader<string, LessonEntity[]>;
  quizByLessonId: DataLoader<string, QuizContent>;
  resourcesByLessonId: DataLoader<string, LessonResourceEntity[]>;
  cohortsByModuleId: DataLoader<string, CohortRow[]>;
  cohortById: DataLoader<string, CohortRow | null>;
  themesByModuleId: DataLoader<string, string[]>;
  authorIdsByModuleId: DataLoader<string, string[]>;
  prerequisiteIdsByModuleId: DataLoader<string, string[]>;
  facilitatorIdsByCohortId: DataLoader<string, string[]>;
  /** The viewer's own rows. */
  viewerProgressByLessonId: DataLoader<string, LessonProgressEntity | null>;
  viewerAttemptsByLessonId: DataLoader<string, AttemptSummary>;
  viewerEnrolmentByModuleId: DataLoader<string, EnrolmentWithProgress | null>;
  certificateByEnrolmentId: DataLoader<string, CertificateRow | null>;
}

function groupBy<T>(keys: readonly string[], rows: T[], key: (r: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return keys.map((k) => map.get(k) ?? []);
}

@Injectable()
export class LearningLoaderFactory implements LoaderFactory<LearningLoaders> {
  constructor(private readonly repo: LearningRepository) {}

  createLoaders(actor: Actor): LearningLoaders {
    const r = this.repo;
    const memberId = isMember(actor) ? actor.memberId : null;
    const pairs = async (sql: string, ids: readonly string[]): Promise<string[][]> => {
      const rows: { k: string; v: string }[] = await r.db.query(sql, [[...ids]]);
      return groupBy(ids, rows, (x) => x.k).map((g) => g.map((x) => x.v));
    };
    return {
      moduleById: new DataLoader(async (ids) => {
        const rows = await r.modules(actor, { ids });
        const map = new Map(rows.map((m) => [m.module.id, m]));
        return ids.map((id) => map.get(id) ?? null);
      }),
      lessonsByModuleId: new DataLoader(async (ids) => groupBy(ids, await r.lessonsOf(ids), (l) => l.moduleId)),
      quizByLessonId: new DataLoader(async (ids) => {
        const { questions, options } = await r.questionsOf(ids);
        return ids.map((id) => {
          const qs = questions.filter((q) => q.lessonId === id);
          const qIds = new Set(qs.map((q) => q.id));
          return { questions: qs, options: options.filter((o) => qIds.has(o.questionId)) };
        });
      }),
      resourcesByLessonId: new DataLoader(async (ids) => groupBy(ids, await r.resourcesOf(ids), (x) => x.lessonId)),
      cohortsByModuleId: new DataLoader(async (ids) => groupBy(ids, await r.cohortsOf(actor, { moduleIds: ids }), (c) => c.cohort.moduleId)),
      cohortById: new DataLoader(async (ids) => {
        const rows = await r.cohortsOf(actor, { ids });
        return ids.map((id) => rows.find((c) => c.cohort.id === id) ?? null);
      }),
      themesByModuleId: new DataLoader((ids) =>
        pairs(`SELECT module_id AS k, theme_key AS v FROM learning_module_themes WHERE module_id = ANY($1::uuid[]) ORDER BY theme_key`, ids),
      ),
      authorIdsByModuleId: new DataLoader((ids) =>
        pairs(
          `SELECT a.module_id AS k, a.member_id AS v FROM learning_module_authors a JOIN members m ON m.id = a.member_id
            WHERE a.module_id = ANY($1::uuid[]) ORDER BY m.name`,
          ids,
        ),
      ),
      prerequisiteIdsByModuleId: new DataLoader((ids) =>
        pairs(`SELECT module_id AS k, prerequisite_id AS v FROM learning_module_prerequisites WHERE module_id = ANY($1::uuid[])`, ids),
      ),
      facilitatorIdsByCohortId: new DataLoader((ids) =>
        pairs(
          `SELECT f.cohort_id AS k, f.member_id AS v FROM learning_cohort_facilitators f JOIN members m ON m.id = f.member_id
            WHERE f.cohort_id = ANY($1::uuid[]) ORDER BY m.name`,
          ids,
        ),
      ),
      viewerProgressByLessonId: new DataLoader(async (ids) => {
        if (!memberId) return ids.map(() => null);
        const rows = await r.progressOf(memberId, ids);
        return ids.map((id) => rows.find((p) => p.lessonId === id) ?? null);
      }),
      viewerAttemptsByLessonId: new DataLoader(async (ids) => {
        if (!memberId) return ids.map(() => ({ count: 0, best: null, passed: false }));
        const rows: { lesson_id: string; count: number; best: number | null; passed: boolean }[] = await r.db.query(
          `SELECT lesson_id, count(*)::int AS count, max(score) AS best, bool_or(passed) AS passed
             FROM learning_quiz_attempts WHERE member_id = $1 AND lesson_id = ANY($2::uuid[]) GROUP BY lesson_id`,
          [memberId, [...ids]],
        );
        return ids.map((id) => {
          const a = rows.find((x) => x.lesson_id === id);
          return a ? { count: a.count, best: a.best, passed: a.passed } : { count: 0, best: null, passed: false };
        });
      }),
      viewerEnrolmentByModuleId: new DataLoader(async (ids) => {
        if (!memberId) return ids.map(() => null);
        const rows = await r.enrolmentsWithProgress({ memberId, moduleIds: ids, statuses: ['enrolled', 'waitlisted', 'completed'] });
        return ids.map((id) => rows.find((e) => e.enrolment.moduleId === id) ?? null);
      }),
      certificateByEnrolmentId: new DataLoader(async (ids) => {
        const rows = await r.certificatesOf({ enrolmentIds: ids });
        return ids.map((id) => rows.find((c) => c.enrolmentId === id) ?? null);
      }),
    };
  }
}
