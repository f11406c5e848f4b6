import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppError, MemberActor } from '@anyam/server/core';
import { ForumService, renderMarkdown } from '@anyam/server/forum';
import { LessonEntity } from './entities/lesson.entity';
import { LearningRepository, ModuleRow } from './learning.repository';
import { LearningPolicy } from './learning.policy';
import { LEARNING_LIMITS, LearningError } from './learning.errors';
import { hours, httpsLink, ids, isoDate, isUuid, language, minutes, optionalText, slug, text } from './learning.validation';
import type { DeliveryModeValue, ModuleLevel } from './entities/training-module.entity';
import type { QuestionKind } from './entities/quiz.entity';

export interface QuizSpec {
  passMark: number;
  attemptsAllowed?: number | null;
  questions: { prompt: string; kind: QuestionKind; explanation?: string | null; options: { label: string; correct: boolean; feedback?: string | null }[] }[];
}

export interface ModuleSpec {
  title?: string | null;
  slug?: string | null;
  summary?: string | null;
  level?: ModuleLevel | null;
  language?: string | null;
  estimatedHours?: number | null;
  deliveryMode?: DeliveryModeValue | null;
  selfPaced?: boolean | null;
  themes?: string[] | null;
  authorIds?: string[] | null;
  prerequisiteIds?: string[] | null;
}

const isUniqueViolation = (e: unknown) => (e as { driverError?: { code?: string } })?.driverError?.code === '23505';

function validQuiz(quiz: QuizSpec): QuizSpec {
  if (!Number.isInteger(quiz.passMark) || quiz.passMark < 1 || quiz.passMark > 100) throw LearningError.outOfRange('quiz.passMark', 'The pass mark is a percentage from 1 to 100.');
  const attempts = quiz.attemptsAllowed ?? null;
  if (attempts !== null && (!Number.isInteger(attempts) || attempts < 1 || attempts > 20)) throw LearningError.outOfRange('quiz.attemptsAllowed', 'Allow from 1 to 20 attempts, or leave it empty for unlimited.');
  if (quiz.questions.length === 0) throw LearningError.empty('quiz.questions');
  if (quiz.questions.length > LEARNING_LIMITS.questionsMax) throw LearningError.tooMany('quiz.questions', LEARNING_LIMITS.questionsMax);
  const questions = quiz.questions.map((q, i) => {
    const field = `quiz.questions.${i}`;
    const options = q.options.map((o, j) => ({
      label: text(`${field}.options.${j}.label`, o.label, LEARNING_LIMITS.promptMax),
      correct: o.correct === true,
      feedback: optionalText(`${field}.options.${j}.feedback`, o.feedback, LEARNING_LIMITS.feedbackMax),
    }));
    if (options.length < LEARNING_LIMITS.optionsMin || options.length > LEARNING_LIMITS.optionsMax) {
      throw LearningError.outOfRange(`${field}.options`, `Give from ${LEARNING_LIMITS.optionsMin} to ${LEARNING_LIMITS.optionsMax} options.`);
    }
    const right = options.filter((o) => o.correct).length;
    if (q.kind === 'single' && right !== 1) throw LearningError.invalid(`${field}.options`, 'A single-choice question has exactly one right option.');
    if (q.kind === 'multiple' && right < 1) throw LearningError.invalid(`${field}.options`, 'Mark at least one option as right.');
    return { prompt: text(`${field}.prompt`, q.prompt, LEARNING_LIMITS.promptMax), kind: q.kind, explanation: optionalText(`${field}.explanation`, q.explanation, LEARNING_LIMITS.feedbackMax), options };
  });
  return { passMark: quiz.passMark, attemptsAllowed: attempts, questions };
}

/** Modules, lessons, quizzes and cohorts: the authoring side (hub facilitators, coordinators, authors, admins). */
@Injectable()
export class AuthoringService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: LearningRepository,
    private readonly forum: ForumService,
  ) {}

  async visibleModule(actor: Actor, key: { id: string } | { slug: string }, manager?: EntityManager): Promise<ModuleRow> {
    const row = 'id' in key && !isUuid(key.id) ? null : await this.repo.module(actor, key, manager);
    if (!row) throw LearningError.moduleNotFound();
    return row;
  }

  async editableModule(actor: Actor, id: string, manager?: EntityManager): Promise<ModuleRow> {
    const row = await this.visibleModule(actor, { id }, manager);
    LearningPolicy.assertCanEditModule(actor, row.module, row.facts);
    return row;
  }

  // ---- modules ------------------------------------------------------------------------------------

  async createModule(actor: MemberActor, input: ModuleSpec & { hubId: string }): Promise<ModuleRow> {
    LearningPolicy.assertCanCreateModule(actor, input.hubId);
    const title = text('title', input.title ?? '', LEARNING_LIMITS.titleMax);
    const moduleSlug = slug(input.slug ?? '');
    const summary = optionalText('summary', input.summary, LEARNING_LIMITS.summaryMax);
    const lang = language(input.language ?? '');
    const estimated = hours(input.estimatedHours);
    const themes = [...new Set(input.themes ?? [])];
    if (themes.length > LEARNING_LIMITS.themesMax) throw LearningError.tooMany('themes', LEARNING_LIMITS.themesMax);
    const authors = ids('authorIds', input.authorIds, LEARNING_LIMITS.authorsMax);
    const prerequisites = ids('prerequisiteIds', input.prerequisiteIds, LEARNING_LIMITS.prerequisitesMax);

    const id = await this.db.transaction(async (tx) => {
      const [hub] = await tx.query(`SELECT 1 FROM hubs WHERE id = $1`, [input.hubId]);
      if (!hub) throw LearningError.hubNotFound();
      const [taken] = await tx.query(`SELECT 1 FROM learning_modules WHERE slug = $1`, [moduleSlug]);
      if (taken) throw LearningError.slugTaken();
      const [row] = await tx.query(
        `INSERT INTO learning_modules (hub_id, slug, title, summary, level, language, estimated_hours, delivery_mode, self_paced, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [input.hubId, moduleSlug, title, summary, input.level, lang, estimated, input.deliveryMode, input.selfPaced ?? true, actor.memberId],
      );
      await this.setLinks(tx, actor, row.id, { themes, authorIds: [actor.memberId, ...authors], prerequisiteIds: prerequisites });
      return row.id as string;
    }).catch((e) => {
      if (isUniqueViolation(e)) throw LearningError.slugTaken();
      throw e;
    });
    return this.visibleModule(actor, { id });
  }

  async updateModule(actor: MemberActor, input: ModuleSpec & { id: string; archived?: boolean | null }): Promise<ModuleRow> {
    const { module } = await this.editableModule(actor, input.id);
    const set: Record<string, unknown> = {};
    if (input.title !== undefined && input.title !== null) set.title = text('title', input.title, LEARNING_LIMITS.titleMax);
    if (input.slug !== undefined && input.slug !== null) set.slug = slug(input.slug);
    if (input.summary !== undefined && input.summary !== null) set.summary = optionalText('summary', input.summary, LEARNING_LIMITS.summaryMax);
    if (input.level) set.level = input.level;
    if (input.language !== undefined && input.language !== null) set.language = language(input.language);
    if (input.estimatedHours !== undefined && input.estimatedHours !== null) set.estimated_hours = hours(input.estimatedHours);
    if (input.deliveryMode) set.delivery_mode = input.deliveryMode;
    if (input.selfPaced !== undefined && input.selfPaced !== null) set.self_paced = input.selfPaced;
    if (input.archived === true) set.status = 'archived';
    if (input.archived === false && module.status === 'archived') set.status = module.publishedAt ? 'published' : 'draft';
    const themes = input.themes ? [...new Set(input.themes)] : null;
    if (themes && themes.length > LEARNING_LIMITS.themesMax) throw LearningError.tooMany('themes', LEARNING_LIMITS.themesMax);
    const authors = input.authorIds ? ids('authorIds', input.authorIds, LEARNING_LIMITS.authorsMax) : null;
    const prerequisites = input.prerequisiteIds ? ids('prerequisiteIds', input.prerequisiteIds, LEARNING_LIMITS.prerequisitesMax) : null;

    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM learning_modules WHERE id = $1 FOR UPDATE`, [module.id]);
      if (set.slug && set.slug !== module.slug) {
        const [taken] = await tx.query(`SELECT 1 FROM learning_modules WHERE slug = $1 AND id <> $2`, [set.slug, module.id]);
        if (taken) throw LearningError.slugTaken();
      }
      const columns = Object.keys(set);
      if (columns.length) {
        await tx.query(
          `UPDATE learning_modules SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
          [module.id, ...columns.map((c) => set[c])],
        );
      }
      await this.setLinks(tx, actor, module.id, {
        themes,
        authorIds: authors ? [module.createdById, ...authors] : null,
        prerequisiteIds: prerequisites,
      });
    }).catch((e) => {
      if (isUniqueViolation(e)) throw LearningError.slugTaken();
      throw e;
    });
    return this.visibleModule(actor, { id: module.id });
  }

  /** Replaces themes, authors and prerequisites (each when given), checking they exist and prerequisites make no cycle. */
  private async setLinks(
    tx: EntityManager,
    actor: Actor,
    moduleId: string,
    links: { themes: string[] | null; authorIds: string[] | null; prerequisiteIds: string[] | null },
  ): Promise<void> {
    if (links.themes) {
      if (links.themes.length) {
        const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM themes WHERE key = ANY($1)`, [links.themes]);
        if (count !== links.themes.length) throw LearningError.unknown('themes', 'One of the themes does not exist.');
      }
      await tx.query(`DELETE FROM learning_module_themes WHERE module_id = $1`, [moduleId]);
      await tx.query(`INSERT INTO learning_module_themes (module_id, theme_key) SELECT $1, unnest($2::varchar[])`, [moduleId, links.themes]);
    }
    if (links.authorIds) {
      const authors = [...new Set(links.authorIds)];
      const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM members WHERE id = ANY($1::uuid[])`, [authors]);
      if (count !== authors.length) throw LearningError.unknown('authorIds', 'One of the authors is not a member.');
      await tx.query(`DELETE FROM learning_module_authors WHERE module_id = $1`, [moduleId]);
      await tx.query(`INSERT INTO learning_module_authors (module_id, member_id) SELECT $1, unnest($2::uuid[])`, [moduleId, authors]);
    }
    if (links.prerequisiteIds) {
      const wanted = links.prerequisiteIds;
      if (wanted.includes(moduleId)) throw LearningError.invalid('prerequisiteIds', 'A module cannot be its own prerequisite.');
      if (wanted.length) {
        const visible = await this.repo.modules(actor, { ids: wanted }, undefined, tx);
        if (visible.length !== wanted.length) throw LearningError.unknown('prerequisiteIds', 'One of the prerequisite modules does not exist.');
        // A cycle: this module is (transitively) a prerequisite of one of the wanted modules.
        const [cycle] = await tx.query(
          `WITH RECURSIVE chain(id) AS (
             SELECT prerequisite_id FROM learning_module_prerequisites WHERE module_id = ANY($1::uuid[])
             UNION SELECT p.prerequisite_id FROM learning_module_prerequisites p JOIN chain c ON p.module_id = c.id)
           SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
          [wanted, moduleId],
        );
        if (cycle) throw LearningError.invalid('prerequisiteIds', 'These prerequisites would make a loop: one of them already needs this module.');
      }
      await tx.query(`DELETE FROM learning_module_prerequisites WHERE module_id = $1`, [moduleId]);
      await tx.query(`INSERT INTO learning_module_prerequisites (module_id, prerequisite_id) SELECT $1, unnest($2::uuid[])`, [moduleId, wanted]);
    }
  }

  /**
   * Publishing needs at least one lesson. The first publication opens the module's discussion thread in
   * the offering hub's forum group, in the same transaction. Publishing a published module changes nothing.
   */
  async publishModule(actor: MemberActor, id: string): Promise<ModuleRow> {
    const { module, facts } = await this.editableModule(actor, id);
    if (module.status === 'published') return this.visibleModule(actor, { id });
    if (facts.lessonCount === 0) throw AppError.badInput('id', 'noLessons', 'Add at least one lesson before publishing.');
    await this.db.transaction(async (tx) => {
      const [locked] = await tx.query(`SELECT status, discussion_thread_id FROM learning_modules WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.status === 'published') return;
      let threadId: string | null = locked.discussion_thread_id;
      if (!threadId) {
        threadId = await this.forum.createLinkedThread(tx, {
          hubId: module.hubId,
          authorId: actor.memberId,
          title: module.title,
          body: `${module.summary || module.title}\n\n[${module.title}](/learn/modules/${module.slug})`,
          language: module.language,
        });
      }
      await tx.query(
        `UPDATE learning_modules SET status = 'published', published_at = coalesce(published_at, now()), discussion_thread_id = $2, updated_at = now() WHERE id = $1`,
        [id, threadId],
      );
    });
    return this.visibleModule(actor, { id });
  }

  // ---- lessons ------------------------------------------------------------------------------------

  async lesson(actor: Actor, id: string): Promise<{ lesson: LessonEntity; module: ModuleRow }> {
    const [lesson] = isUuid(id) ? await this.repo.lessonsById([id]) : [];
    const module = lesson && (await this.repo.module(actor, { id: lesson.moduleId }));
    if (!lesson || !module) throw LearningError.lessonNotFound();
    return { lesson, module };
  }

  async addLesson(
    actor: MemberActor,
    input: { moduleId: string; title: string; contentMarkdown: string; estimatedMinutes?: number | null; quiz?: QuizSpec | null },
  ): Promise<{ lesson: LessonEntity; module: ModuleRow }> {
    await this.editableModule(actor, input.moduleId);
    const title = text('title', input.title, LEARNING_LIMITS.titleMax);
    const content = optionalText('contentMarkdown', input.contentMarkdown, LEARNING_LIMITS.contentMax);
    const mins = minutes(input.estimatedMinutes);
    const quiz = input.quiz ? validQuiz(input.quiz) : null;
    const id = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM learning_modules WHERE id = $1 FOR UPDATE`, [input.moduleId]);
      const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM learning_lessons WHERE module_id = $1`, [input.moduleId]);
      if (count >= LEARNING_LIMITS.lessonsMax) throw LearningError.tooMany('moduleId', LEARNING_LIMITS.lessonsMax);
      const [row] = await tx.query(
        `INSERT INTO learning_lessons (module_id, position, title, content_markdown, content_html, estimated_minutes, quiz_pass_mark, quiz_attempts_allowed)
         VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM learning_lessons WHERE module_id = $1), $2, $3, $4, $5, $6, $7) RETURNING id`,
        [input.moduleId, title, content, renderMarkdown(content), mins, quiz?.passMark ?? null, quiz?.attemptsAllowed ?? null],
      );
      if (quiz) await this.saveQuestions(tx, row.id, quiz);
      await tx.query(`UPDATE learning_modules SET updated_at = now() WHERE id = $1`, [input.moduleId]);
      return row.id as string;
    });
    return this.lesson(actor, id);
  }

  async updateLesson(
    actor: MemberActor,
    input: { id: string; title?: string | null; contentMarkdown?: string | null; estimatedMinutes?: number | null; quiz?: QuizSpec | null; removeQuiz?: boolean | null },
  ): Promise<{ lesson: LessonEntity; module: ModuleRow }> {
    const { lesson, module } = await this.lesson(actor, input.id);
    LearningPolicy.assertCanEditModule(actor, module.module, module.facts);
    if (input.quiz && input.removeQuiz) throw LearningError.oneOf('quiz', 'removeQuiz');
    const set: Record<string, unknown> = {};
    if (input.title !== undefined && input.title !== null) set.title = text('title', input.title, LEARNING_LIMITS.titleMax);
    if (input.contentMarkdown !== undefined && input.contentMarkdown !== null) {
      set.content_markdown = optionalText('contentMarkdown', input.contentMarkdown, LEARNING_LIMITS.contentMax);
      set.content_html = renderMarkdown(set.content_markdown as string);
    }
    if (input.estimatedMinutes !== undefined && input.estimatedMinutes !== null) set.estimated_minutes = minutes(input.estimatedMinutes);
    const quiz = input.quiz ? validQuiz(input.quiz) : null;
    if (quiz) {
      set.quiz_pass_mark = quiz.passMark;
      set.quiz_attempts_allowed = quiz.attemptsAllowed ?? null;
    }
    if (input.removeQuiz) {
      set.quiz_pass_mark = null;
      set.quiz_attempts_allowed = null;
    }
    await this.db.transaction(async (tx) => {
      const columns = Object.keys(set);
      await tx.query(
        `UPDATE learning_lessons SET ${[...columns.map((c, i) => `${c} = $${i + 2}`), 'updated_at = now()'].join(', ')} WHERE id = $1`,
        [lesson.id, ...columns.map((c) => set[c])],
      );
      if (quiz || input.removeQuiz) await tx.query(`DELETE FROM learning_quiz_questions WHERE lesson_id = $1`, [lesson.id]);
      if (quiz) await this.saveQuestions(tx, lesson.id, quiz);
      await tx.query(`UPDATE learning_modules SET updated_at = now() WHERE id = $1`, [lesson.moduleId]);
    });
    return this.lesson(actor, lesson.id);
  }

  private async saveQuestions(tx: EntityManager, lessonId: string, quiz: QuizSpec): Promise<void> {
    for (const [i, q] of quiz.questions.entries()) {
      const [question] = await tx.query(
        `INSERT INTO learning_quiz_questions (lesson_id, position, prompt, kind, explanation) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [lessonId, i + 1, q.prompt, q.kind, q.explanation ?? ''],
      );
      await tx.query(
        `INSERT INTO learning_quiz_options (question_id, position, label, correct, feedback)
         SELECT $1, o.ord, o.label, o.correct, o.feedback FROM unnest($2::text[], $3::boolean[], $4::text[]) WITH ORDINALITY AS o(label, correct, feedback, ord)`,
        [question.id, q.options.map((o) => o.label), q.options.map((o) => o.correct), q.options.map((o) => o.feedback ?? '')],
      );
    }
  }

  /** `lessonIds` must list every lesson of the module exactly once, in the new order. */
  async reorderLessons(actor: MemberActor, moduleId: string, lessonIds: string[]): Promise<ModuleRow> {
    await this.editableModule(actor, moduleId);
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM learning_modules WHERE id = $1 FOR UPDATE`, [moduleId]);
      const current: { id: string }[] = await tx.query(`SELECT id FROM learning_lessons WHERE module_id = $1`, [moduleId]);
      const wanted = new Set(lessonIds);
      if (wanted.size !== lessonIds.length || current.length !== lessonIds.length || current.some((l) => !wanted.has(l.id))) {
        throw LearningError.invalid('lessonIds', 'List every lesson of the module exactly once.');
      }
      await tx.query(
        `UPDATE learning_lessons l SET position = x.ord, updated_at = now() FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, ord)
          WHERE l.id = x.id AND l.module_id = $1 AND l.position <> x.ord`,
        [moduleId, lessonIds],
      );
      await tx.query(`UPDATE learning_modules SET updated_at = now() WHERE id = $1`, [moduleId]);
    });
    return this.visibleModule(actor, { id: moduleId });
  }

  // ---- cohorts ------------------------------------------------------------------------------------

  async createCohort(
    actor: MemberActor,
    input: {
      moduleId: string;
      name: string;
      startsOn: string;
      endsOn: string;
      seats: number;
      enrolmentOpensAt?: Date | null;
      enrolmentClosesAt?: Date | null;
      deliveryMode: DeliveryModeValue;
      place?: string | null;
      link?: string | null;
      facilitatorIds?: string[] | null;
    },
  ): Promise<string> {
    const { module } = await this.editableModule(actor, input.moduleId);
    if (module.status === 'archived') throw LearningError.notPublished();
    const name = text('name', input.name, LEARNING_LIMITS.cohortNameMax);
    const startsOn = isoDate('startsOn', input.startsOn);
    const endsOn = isoDate('endsOn', input.endsOn);
    if (endsOn < startsOn) throw LearningError.outOfRange('endsOn', 'The cohort ends after it starts.');
    if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > LEARNING_LIMITS.seatsMax) {
      throw LearningError.outOfRange('seats', `Give from 1 to ${LEARNING_LIMITS.seatsMax} seats.`);
    }
    const opens = input.enrolmentOpensAt ?? null;
    const closes = input.enrolmentClosesAt ?? new Date(`${startsOn}T00:00:00Z`);
    if (opens && opens >= closes) throw LearningError.outOfRange('enrolmentClosesAt', 'Enrolment closes after it opens.');
    const place = optionalText('place', input.place, LEARNING_LIMITS.placeMax) || null;
    const link = httpsLink('link', input.link);
    if (input.deliveryMode !== 'online' && !place) throw LearningError.empty('place');
    if (input.deliveryMode !== 'offline' && !link) throw LearningError.empty('link');
    const facilitators = ids('facilitatorIds', input.facilitatorIds, LEARNING_LIMITS.authorsMax);
    return this.db.transaction(async (tx) => {
      const all = [...new Set([actor.memberId, ...facilitators])];
      const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM members WHERE id = ANY($1::uuid[])`, [all]);
      if (count !== all.length) throw LearningError.unknown('facilitatorIds', 'One of the facilitators is not a member.');
      const [row] = await tx.query(
        `INSERT INTO learning_cohorts (module_id, name, starts_on, ends_on, seats, enrolment_opens_at, enrolment_closes_at, delivery_mode, place, link, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [module.id, name, startsOn, endsOn, input.seats, opens, closes, input.deliveryMode, place, link, actor.memberId],
      );
      await tx.query(`INSERT INTO learning_cohort_facilitators (cohort_id, member_id) SELECT $1, unnest($2::uuid[])`, [row.id, all]);
      return row.id as string;
    });
  }
}
