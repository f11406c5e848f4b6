import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isAdmin, isMember } from '@anyam/server/core';
import { TrainingModuleEntity } from './entities/training-module.entity';
import { LessonEntity, LessonResourceEntity } from './entities/lesson.entity';
import { CohortEntity } from './entities/cohort.entity';
import { CertificateEntity, EnrolmentEntity, LessonProgressEntity } from './entities/enrolment.entity';
import { QuizOptionEntity, QuizQuestionEntity } from './entities/quiz.entity';
import { Permission } from '@anyam/shared/domain';
import { ModuleViewer, PolicyModule, staffHubIds } from './learning.policy';

/** Positional parameters for hand-written SQL. */
export class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A snake_case row → an entity instance (only the entity's own columns are copied by the caller's choice of SELECT). */
export function toEntity<T extends object>(type: new () => T, row: Record<string, unknown>): T {
  const e = new type() as Record<string, unknown>;
  for (const [k, v] of Object.entries(row)) e[camel(k)] = v;
  return e as T;
}

export interface ModuleFacts extends ModuleViewer {
  hubName: string;
  hubSlug: string;
  lessonCount: number;
  /** The viewer holds a certificate for the module. */
  viewerCompleted: boolean;
}

export interface ModuleAccess {
  module: PolicyModule;
  facts: ModuleFacts;
}

export interface ModuleRow {
  module: TrainingModuleEntity;
  facts: ModuleFacts;
}

export interface CatalogueFilter {
  theme?: string | null;
  level?: string | null;
  language?: string | null;
  mode?: string | null;
  hubId?: string | null;
  search?: string | null;
  status?: string | null;
}

export interface CohortRow {
  cohort: CohortEntity;
  waitlistCount: number;
  viewerFacilitates: boolean;
  viewerHasSeat: boolean;
}

export interface EnrolmentWithProgress {
  enrolment: EnrolmentEntity;
  lessonsTotal: number;
  lessonsDone: number;
  lastActivityAt: Date | null;
  nextLesson: { id: string; title: string; position: number } | null;
}

const MODULE_COLUMNS = `m.id, m.hub_id, m.slug, m.title, m.summary, m.level, m.language, m.estimated_hours::float8 AS estimated_hours,
  m.delivery_mode, m.status, m.self_paced, m.discussion_thread_id, m.created_by_id, m.published_at, m.created_at, m.updated_at`;

/**
 * A lesson counts as done when completed and, for a quiz lesson, its quiz passed. Used for progress and
 * module completion alike. `$member` and `$module` are SQL expressions.
 */
export const lessonDoneSql = (member: string, lesson: string) => `(
  EXISTS (SELECT 1 FROM learning_lesson_progress p WHERE p.member_id = ${member} AND p.lesson_id = ${lesson}.id AND p.completed_at IS NOT NULL)
  AND (${lesson}.quiz_pass_mark IS NULL OR EXISTS (
    SELECT 1 FROM learning_quiz_attempts qa WHERE qa.member_id = ${member} AND qa.lesson_id = ${lesson}.id AND qa.passed)))`;

@Injectable()
export class LearningRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  /**
   * SQL twin of LearningPolicy.canSeeModule over `m` (learning_modules) joined to `h` (hubs): published
   * modules of public hubs to all, of members-only hubs to members; everything to admins, the hub's
   * staff and the module's authors; archived modules also to members enrolled in them.
   */
  visibleModulesSql(actor: Actor, params: Params): string {
    if (isMember(actor) && isAdmin(actor)) return 'true';
    const published = isMember(actor) ? `m.status = 'published'` : `(m.status = 'published' AND h.visibility = 'public')`;
    if (!isMember(actor)) return published;
    const member = `${params.p(actor.memberId)}::uuid`;
    const staff = staffHubIds(actor);
    const canEdit = actor.permissions.has(Permission.FacilitateHub)
      ? ` OR m.hub_id = ANY(${params.p(staff)}::uuid[]) OR EXISTS (SELECT 1 FROM learning_module_authors a WHERE a.module_id = m.id AND a.member_id = ${member})`
      : '';
    return `(${published}${canEdit}
      OR (m.status = 'archived' AND EXISTS (SELECT 1 FROM learning_enrolments e WHERE e.module_id = m.id AND e.member_id = ${member} AND e.status <> 'withdrawn')))`;
  }

  /** Modules the actor can see, with viewer facts; one statement. */
  async modules(
    actor: Actor,
    where: { ids?: readonly string[]; slug?: string; filter?: CatalogueFilter; editableOnly?: boolean },
    page?: { limit: number; after: [string, string] | null },
    manager: EntityManager = this.db.manager,
  ): Promise<ModuleRow[]> {
    const params = new Params();
    const member = isMember(actor) ? `${params.p(actor.memberId)}::uuid` : 'NULL::uuid';
    const conditions = [this.visibleModulesSql(actor, params)];
    if (where.ids) conditions.push(`m.id = ANY(${params.p([...where.ids])}::uuid[])`);
    if (where.slug !== undefined) conditions.push(`m.slug = ${params.p(where.slug)}`);
    const f = where.filter;
    if (f) {
      conditions.push(`m.status = ${params.p(f.status ?? 'published')}`);
      if (f.theme) conditions.push(`EXISTS (SELECT 1 FROM learning_module_themes t WHERE t.module_id = m.id AND t.theme_key = ${params.p(f.theme)})`);
      if (f.level) conditions.push(`m.level = ${params.p(f.level)}`);
      if (f.language) {
        const lang = params.p(f.language.toLowerCase());
        conditions.push(`(lower(m.language) = ${lang} OR lower(m.language) LIKE ${lang} || '-%')`);
      }
      if (f.mode) conditions.push(`m.delivery_mode = ${params.p(f.mode)}`);
      if (f.hubId) conditions.push(`m.hub_id = ${params.p(f.hubId)}::uuid`);
      if (f.search?.trim()) {
        const words = f.search.trim().split(/\s+/).slice(0, 8);
        for (const w of words) {
          const like = params.p(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
          conditions.push(`(m.title ILIKE ${like} OR m.summary ILIKE ${like})`);
        }
      }
    }
    if (page?.after) conditions.push(`(m.title, m.id) > (${params.p(page.after[0])}, ${params.p(page.after[1])}::uuid)`);
    const limit = page ? `ORDER BY m.title, m.id LIMIT ${params.p(page.limit)}` : '';
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${MODULE_COLUMNS}, h.visibility AS f_hub_visibility, h.name AS f_hub_name, h.slug AS f_hub_slug,
              EXISTS (SELECT 1 FROM learning_module_authors a WHERE a.module_id = m.id AND a.member_id = ${member}) AS f_is_author,
              (SELECT e.status FROM learning_enrolments e WHERE e.module_id = m.id AND e.member_id = ${member} AND e.status <> 'withdrawn') AS f_enrolment_status,
              EXISTS (SELECT 1 FROM learning_certificates c WHERE c.module_id = m.id AND c.member_id = ${member}) AS f_completed,
              (SELECT count(*)::int FROM learning_lessons l WHERE l.module_id = m.id) AS f_lesson_count
         FROM learning_modules m JOIN hubs h ON h.id = m.hub_id
        WHERE ${conditions.join(' AND ')} ${limit}`,
      params.values,
    );
    return rows.map((r) => {
      const { f_hub_visibility, f_hub_name, f_hub_slug, f_is_author, f_enrolment_status, f_completed, f_lesson_count, ...rest } = r;
      return {
        module: toEntity(TrainingModuleEntity, rest),
        facts: {
          hubVisibility: f_hub_visibility as 'public' | 'members',
          hubName: f_hub_name as string,
          hubSlug: f_hub_slug as string,
          isAuthor: f_is_author === true,
          enrolmentStatus: (f_enrolment_status as ModuleFacts['enrolmentStatus']) ?? null,
          viewerCompleted: f_completed === true,
          lessonCount: f_lesson_count as number,
        },
      };
    });
  }

  async module(actor: Actor, key: { id: string } | { slug: string }, manager?: EntityManager): Promise<ModuleRow | null> {
    const rows = await this.modules(actor, 'id' in key ? { ids: [key.id] } : { slug: key.slug }, undefined, manager);
    return rows[0] ?? null;
  }

  async lessonsOf(moduleIds: readonly string[], manager: EntityManager = this.db.manager): Promise<LessonEntity[]> {
    return manager
      .getRepository(LessonEntity)
      .createQueryBuilder('l')
      .where('l.module_id = ANY(:ids)', { ids: [...moduleIds] })
      .orderBy('l.module_id')
      .addOrderBy('l.position')
      .getMany();
  }

  async lessonsById(ids: readonly string[]): Promise<LessonEntity[]> {
    return this.db.getRepository(LessonEntity).createQueryBuilder('l').where('l.id = ANY(:ids)', { ids: [...ids] }).getMany();
  }

  async questionsOf(lessonIds: readonly string[], manager: EntityManager = this.db.manager): Promise<{ questions: QuizQuestionEntity[]; options: QuizOptionEntity[] }> {
    const questions = await manager
      .getRepository(QuizQuestionEntity)
      .createQueryBuilder('q')
      .where('q.lesson_id = ANY(:ids)', { ids: [...lessonIds] })
      .orderBy('q.position')
      .getMany();
    const options = questions.length
      ? await manager
          .getRepository(QuizOptionEntity)
          .createQueryBuilder('o')
          .where('o.question_id = ANY(:ids)', { ids: questions.map((q) => q.id) })
          .orderBy('o.position')
          .getMany()
      : [];
    return { questions, options };
  }

  async resourcesOf(lessonIds: readonly string[]): Promise<LessonResourceEntity[]> {
    return this.db
      .getRepository(LessonResourceEntity)
      .createQueryBuilder('r')
      .where('r.lesson_id = ANY(:ids)', { ids: [...lessonIds] })
      .orderBy('r.created_at')
      .addOrderBy('r.id')
      .getMany();
  }

  /** Cohorts with their waitlist length, per module, by start date. */
  async cohortsOf(
    actor: Actor,
    where: { moduleIds?: readonly string[]; ids?: readonly string[] },
    manager: EntityManager = this.db.manager,
  ): Promise<CohortRow[]> {
    const params = new Params();
    const member = isMember(actor) ? `${params.p(actor.memberId)}::uuid` : 'NULL::uuid';
    const cond = where.ids ? `c.id = ANY(${params.p([...where.ids])}::uuid[])` : `c.module_id = ANY(${params.p([...(where.moduleIds ?? [])])}::uuid[])`;
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT c.id, c.module_id, c.name, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.seats, c.seats_taken, c.enrolment_opens_at,
              c.enrolment_closes_at, c.delivery_mode, c.place, c.link, c.created_by_id, c.created_at,
              (SELECT count(*)::int FROM learning_enrolments e WHERE e.cohort_id = c.id AND e.status = 'waitlisted') AS f_waitlist,
              EXISTS (SELECT 1 FROM learning_cohort_facilitators cf WHERE cf.cohort_id = c.id AND cf.member_id = ${member}) AS f_facilitates,
              EXISTS (SELECT 1 FROM learning_enrolments e WHERE e.cohort_id = c.id AND e.member_id = ${member} AND e.status IN ('enrolled','completed')) AS f_seat
         FROM learning_cohorts c WHERE ${cond} ORDER BY c.starts_on, c.id`,
      params.values,
    );
    return rows.map(({ f_waitlist, f_facilitates, f_seat, ...rest }) => ({
      cohort: toEntity(CohortEntity, rest),
      waitlistCount: f_waitlist as number,
      viewerFacilitates: f_facilitates === true,
      viewerHasSeat: f_seat === true,
    }));
  }

  /**
   * Enrolments with their progress (lessons done / total, last activity, next lesson) in ONE statement,
   * however many enrolments match.
   */
  async enrolmentsWithProgress(
    where: { memberId?: string; cohortId?: string; ids?: readonly string[]; moduleIds?: readonly string[]; statuses?: readonly string[] },
    manager: EntityManager = this.db.manager,
  ): Promise<EnrolmentWithProgress[]> {
    const params = new Params();
    const conditions: string[] = [];
    if (where.memberId) conditions.push(`e.member_id = ${params.p(where.memberId)}::uuid`);
    if (where.cohortId) conditions.push(`e.cohort_id = ${params.p(where.cohortId)}::uuid`);
    if (where.ids) conditions.push(`e.id = ANY(${params.p([...where.ids])}::uuid[])`);
    if (where.moduleIds) conditions.push(`e.module_id = ANY(${params.p([...where.moduleIds])}::uuid[])`);
    if (where.statuses) conditions.push(`e.status = ANY(${params.p([...where.statuses])})`);
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT e.id, e.module_id, e.cohort_id, e.member_id, e.status, e.created_at,
              CASE WHEN e.status = 'waitlisted' THEN (SELECT count(*)::int FROM learning_enrolments w
                WHERE w.cohort_id = e.cohort_id AND w.status = 'waitlisted' AND w.waitlist_position <= e.waitlist_position) END AS waitlist_position, e.enrolled_at, e.completed_at, e.withdrawn_at,
              t.total AS f_total, t.done AS f_done, a.last_activity_at AS f_last_activity,
              nl.id AS f_next_id, nl.title AS f_next_title, nl.position AS f_next_position
         FROM learning_enrolments e
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${lessonDoneSql('e.member_id', 'l')}))::int AS done
             FROM learning_lessons l WHERE l.module_id = e.module_id) t
         CROSS JOIN LATERAL (
           SELECT max(p.last_activity_at) AS last_activity_at FROM learning_lesson_progress p WHERE p.member_id = e.member_id AND p.module_id = e.module_id) a
         LEFT JOIN LATERAL (
           SELECT l.id, l.title, l.position FROM learning_lessons l
            WHERE l.module_id = e.module_id AND NOT ${lessonDoneSql('e.member_id', 'l')}
            ORDER BY l.position LIMIT 1) nl ON true
        WHERE ${conditions.join(' AND ') || 'true'}
        ORDER BY e.status = 'withdrawn', e.created_at DESC, e.id`,
      params.values,
    );
    return rows.map(({ f_total, f_done, f_last_activity, f_next_id, f_next_title, f_next_position, ...rest }) => ({
      enrolment: toEntity(EnrolmentEntity, rest),
      lessonsTotal: f_total as number,
      lessonsDone: f_done as number,
      lastActivityAt: (f_last_activity as Date | null) ?? null,
      nextLesson: f_next_id ? { id: f_next_id as string, title: f_next_title as string, position: f_next_position as number } : null,
    }));
  }

  async progressOf(memberId: string, lessonIds: readonly string[], manager: EntityManager = this.db.manager): Promise<LessonProgressEntity[]> {
    return manager
      .getRepository(LessonProgressEntity)
      .createQueryBuilder('p')
      .where('p.member_id = :memberId AND p.lesson_id = ANY(:ids)', { memberId, ids: [...lessonIds] })
      .getMany();
  }

  async certificatesOf(where: { enrolmentIds?: readonly string[]; code?: string }): Promise<(CertificateEntity & { memberName: string; moduleTitle: string; hubName: string; locale: string })[]> {
    const params = new Params();
    const cond = where.code !== undefined ? `c.code = ${params.p(where.code)}` : `c.enrolment_id = ANY(${params.p([...(where.enrolmentIds ?? [])])}::uuid[])`;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT c.id, c.code, c.member_id, c.module_id, c.enrolment_id, c.issued_at, mem.name AS member_name, mem.locale, m.title AS module_title, h.name AS hub_name
         FROM learning_certificates c
         JOIN members mem ON mem.id = c.member_id
         JOIN learning_modules m ON m.id = c.module_id
         JOIN hubs h ON h.id = m.hub_id
        WHERE ${cond}`,
      params.values,
    );
    return rows.map((r) => toEntity(CertificateEntity, r) as CertificateEntity & { memberName: string; moduleTitle: string; hubName: string; locale: string });
  }
}
