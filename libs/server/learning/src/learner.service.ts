import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AppError, MailService, MemberActor } from '@anyam/server/core';
import { LessonEntity } from './entities/lesson.entity';
import { LessonProgressEntity } from './entities/enrolment.entity';
import { EnrolmentWithProgress, LearningRepository, lessonDoneSql, toEntity } from './learning.repository';
import { LearningPolicy, LIVE_SEAT } from './learning.policy';
import { LEARNING_LIMITS, LearningError, LearningReason } from './learning.errors';
import { clientTime, isUuid } from './learning.validation';
import { AuthoringService } from './authoring.service';
import { mailLocale, waitlistPromotedMail } from './learning.mail';
import { LearningNotifier } from './learning.notifier';

/** Crockford-style base32 without look-alikes; 16 characters = 80 random bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export function certificateCode(): string {
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export interface QuestionResult {
  questionId: string;
  correct: boolean;
  selectedOptionIds: string[];
  correctOptionIds: string[] | null;
  feedback: string[];
  explanation: string;
}

export interface AttemptResult {
  id: string;
  lessonId: string;
  attemptNumber: number;
  score: number;
  passed: boolean;
  passMark: number;
  attemptsLeft: number | null;
  results: QuestionResult[];
  submittedAt: Date;
  enrolment: EnrolmentWithProgress;
}

interface Promotion {
  memberId: string;
  cohortId: string;
  moduleId: string;
}

interface Issued {
  memberId: string;
  moduleId: string;
  code: string;
}

/** Enrolment, waitlists, progress (online and offline), quizzes and certificates: the learner side. */
@Injectable()
export class LearnerService {
  private readonly logger = new Logger(LearnerService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: LearningRepository,
    private readonly authoring: AuthoringService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly notifier: LearningNotifier,
  ) {}

  async enrolment(id: string): Promise<EnrolmentWithProgress> {
    const [row] = await this.repo.enrolmentsWithProgress({ ids: [id] });
    if (!row) throw LearningError.enrolmentNotFound();
    return row;
  }

  // ---- enrol / withdraw ---------------------------------------------------------------------------

  /**
   * Self-paced (moduleId) or in a cohort (cohortId). The cohort's row is locked FOR UPDATE, so concurrent
   * enrolments queue and `seats_taken` never exceeds `seats`: past the last seat, members join the
   * waitlist. Asking again for the same thing answers the live enrolment.
   */
  async enrol(actor: MemberActor, input: { moduleId?: string | null; cohortId?: string | null }): Promise<EnrolmentWithProgress> {
    if (!input.moduleId === !input.cohortId) throw LearningError.oneOf('moduleId', 'cohortId');
    let moduleId = input.moduleId ?? null;
    if (input.cohortId) {
      if (!isUuid(input.cohortId)) throw LearningError.cohortNotFound();
      const [c] = await this.db.query(`SELECT module_id FROM learning_cohorts WHERE id = $1`, [input.cohortId]);
      if (!c) throw LearningError.cohortNotFound();
      moduleId = c.module_id;
    } else if (!isUuid(moduleId!)) {
      throw LearningError.moduleNotFound();
    }
    const row = await this.repo.module(actor, { id: moduleId! });
    if (!row) throw input.cohortId ? LearningError.cohortNotFound() : LearningError.moduleNotFound();
    if (row.module.status !== 'published') throw LearningError.notPublished(input.cohortId ? 'cohortId' : 'moduleId');
    if (!LearningPolicy.canEnrol(actor, row.module, row.facts)) throw AppError.forbidden('You cannot enrol in this module.');
    if (!input.cohortId && !row.module.selfPaced) throw LearningError.notSelfPaced();

    const missing: { title: string }[] = await this.db.query(
      `SELECT m.title FROM learning_module_prerequisites p JOIN learning_modules m ON m.id = p.prerequisite_id
        WHERE p.module_id = $1 AND NOT EXISTS (SELECT 1 FROM learning_certificates c WHERE c.module_id = p.prerequisite_id AND c.member_id = $2)
        ORDER BY m.title`,
      [row.module.id, actor.memberId],
    );
    if (missing.length) throw LearningError.prerequisitesNotMet(missing.map((m) => m.title));

    const id = await this.db.transaction(async (tx): Promise<string> => {
      let cohort: { seats: number; seats_taken: number; open: boolean } | null = null;
      if (input.cohortId) {
        [cohort] = await tx.query(
          `SELECT seats, seats_taken, (coalesce(enrolment_opens_at <= now(), true) AND coalesce(enrolment_closes_at > now(), true)) AS open
             FROM learning_cohorts WHERE id = $1 FOR UPDATE`,
          [input.cohortId],
        );
      }
      const [live] = await tx.query(
        `SELECT id, cohort_id FROM learning_enrolments WHERE member_id = $1 AND module_id = $2 AND status <> 'withdrawn' FOR UPDATE`,
        [actor.memberId, row.module.id],
      );
      if (live) {
        if ((live.cohort_id ?? null) === (input.cohortId ?? null)) return live.id as string;
        throw LearningError.alreadyEnrolled();
      }
      if (cohort) {
        if (!cohort.open) throw LearningError.enrolmentClosed();
        if (cohort.seats_taken < cohort.seats) {
          await tx.query(`UPDATE learning_cohorts SET seats_taken = seats_taken + 1 WHERE id = $1`, [input.cohortId]);
          const [e] = await tx.query(
            `INSERT INTO learning_enrolments (module_id, cohort_id, member_id, status, enrolled_at) VALUES ($1, $2, $3, 'enrolled', now()) RETURNING id`,
            [row.module.id, input.cohortId, actor.memberId],
          );
          return e.id as string;
        }
        const [e] = await tx.query(
          `INSERT INTO learning_enrolments (module_id, cohort_id, member_id, status, waitlist_position)
           VALUES ($1, $2, $3, 'waitlisted', (SELECT coalesce(max(waitlist_position), 0) + 1 FROM learning_enrolments WHERE cohort_id = $2)) RETURNING id`,
          [row.module.id, input.cohortId, actor.memberId],
        );
        return e.id as string;
      }
      const [e] = await tx.query(
        `INSERT INTO learning_enrolments (module_id, member_id, status, enrolled_at) VALUES ($1, $2, 'enrolled', now())
         ON CONFLICT (member_id, module_id) WHERE status <> 'withdrawn' DO NOTHING RETURNING id`,
        [row.module.id, actor.memberId],
      );
      if (e) return e.id as string;
      const [again] = await tx.query(`SELECT id FROM learning_enrolments WHERE member_id = $1 AND module_id = $2 AND status <> 'withdrawn'`, [
        actor.memberId,
        row.module.id,
      ]);
      return again.id as string;
    }).catch(async (e) => {
      // The same member enrolling in two cohorts of one module at once: the live-enrolment index decides.
      if ((e as { driverError?: { code?: string } })?.driverError?.code !== '23505') throw e;
      const [live] = await this.db.query(`SELECT id, cohort_id FROM learning_enrolments WHERE member_id = $1 AND module_id = $2 AND status <> 'withdrawn'`, [
        actor.memberId,
        row.module.id,
      ]);
      if (live && (live.cohort_id ?? null) === (input.cohortId ?? null)) return live.id as string;
      throw LearningError.alreadyEnrolled();
    });
    return this.enrolment(id);
  }

  /**
   * Withdraw from a module or cohort. A freed cohort seat goes to the first member on the waitlist in the
   * same transaction; they are told in the app and by e-mail in their language.
   */
  async withdraw(actor: MemberActor, enrolmentId: string): Promise<EnrolmentWithProgress> {
    if (!isUuid(enrolmentId)) throw LearningError.enrolmentNotFound();
    const [found] = await this.db.query(`SELECT member_id, cohort_id, status FROM learning_enrolments WHERE id = $1`, [enrolmentId]);
    if (!found || found.member_id !== actor.memberId) throw LearningError.enrolmentNotFound();
    if (found.status === 'withdrawn') return this.enrolment(enrolmentId);
    if (found.status === 'completed') throw AppError.badInput('enrolmentId', LearningReason.Completed, 'You completed this module; there is nothing to withdraw from.');
    const promotions: Promotion[] = [];
    const { publish } = await this.db.transaction(async (tx) => {
      if (found.cohort_id) await tx.query(`SELECT 1 FROM learning_cohorts WHERE id = $1 FOR UPDATE`, [found.cohort_id]);
      const [e] = await tx.query(`SELECT status, cohort_id FROM learning_enrolments WHERE id = $1 FOR UPDATE`, [enrolmentId]);
      if (e.status !== 'enrolled' && e.status !== 'waitlisted') return this.notifier.waitlistPromoted(tx, []);
      await tx.query(`UPDATE learning_enrolments SET status = 'withdrawn', withdrawn_at = now(), waitlist_position = NULL WHERE id = $1`, [enrolmentId]);
      if (e.cohort_id && e.status === 'enrolled') {
        await tx.query(`UPDATE learning_cohorts SET seats_taken = seats_taken - 1 WHERE id = $1`, [e.cohort_id]);
        promotions.push(...(await this.fillSeats(tx, e.cohort_id)));
      }
      return this.notifier.waitlistPromoted(tx, promotions);
    });
    await publish();
    await this.mailPromotions(promotions);
    return this.enrolment(enrolmentId);
  }

  /** Gives free seats of a locked cohort to the waitlist, first come first served. */
  private async fillSeats(tx: EntityManager, cohortId: string): Promise<Promotion[]> {
    const [{ free }] = await tx.query(`SELECT seats - seats_taken AS free FROM learning_cohorts WHERE id = $1`, [cohortId]);
    if (free <= 0) return [];
    const [promoted]: [{ member_id: string; module_id: string }[]] = await tx.query(
      `UPDATE learning_enrolments SET status = 'enrolled', waitlist_position = NULL, enrolled_at = now()
        WHERE id IN (SELECT id FROM learning_enrolments WHERE cohort_id = $1 AND status = 'waitlisted' ORDER BY waitlist_position LIMIT $2)
        RETURNING member_id, module_id`,
      [cohortId, free],
    );
    if (promoted.length) await tx.query(`UPDATE learning_cohorts SET seats_taken = seats_taken + $2 WHERE id = $1`, [cohortId, promoted.length]);
    return promoted.map((p) => ({ memberId: p.member_id, moduleId: p.module_id, cohortId }));
  }

  private async mailPromotions(promotions: Promotion[]): Promise<void> {
    for (const p of promotions) {
      try {
        const [r] = await this.db.query(
          `SELECT mem.name, mem.email, mem.locale, m.title, m.slug, c.name AS cohort_name, c.starts_on::text AS starts_on
             FROM members mem, learning_modules m, learning_cohorts c WHERE mem.id = $1 AND m.id = $2 AND c.id = $3`,
          [p.memberId, p.moduleId, p.cohortId],
        );
        const mail = waitlistPromotedMail(mailLocale(r.locale), {
          name: r.name,
          moduleTitle: r.title,
          cohortName: r.cohort_name,
          startsOn: r.starts_on,
          url: `${this.config.publicUrl}/learn/modules/${r.slug}`,
        });
        await this.mail.send({ to: r.email, subject: mail.subject, text: mail.body });
      } catch (e) {
        this.logger.error({ err: e }, 'Could not send the waitlist promotion mail');
      }
    }
  }

  // ---- progress -----------------------------------------------------------------------------------

  /** A lesson the actor may record progress in: a seat in its (published or archived) module. */
  private async lessonWithSeat(actor: MemberActor, lessonId: string): Promise<LessonEntity> {
    if (!isUuid(lessonId)) throw LearningError.lessonNotFound();
    const { lesson, module } = await this.authoring.lesson(actor, lessonId);
    if (module.module.status === 'draft' || !module.facts.enrolmentStatus || !LIVE_SEAT.includes(module.facts.enrolmentStatus)) throw LearningError.notEnrolled();
    return lesson;
  }

  /**
   * Merges one update into the stored progress. Monotone, so the result is the same in any order and on
   * any repeat: the earliest start, the earliest completion, the latest activity. Returns the row when
   * something changed.
   */
  private async merge(tx: EntityManager, memberId: string, lesson: { id: string; moduleId: string }, state: 'started' | 'completed', at: Date): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO learning_lesson_progress AS p (member_id, lesson_id, module_id, started_at, completed_at, last_activity_at)
       VALUES ($1, $2, $3, $4, $5, $4)
       ON CONFLICT (member_id, lesson_id) DO UPDATE SET
         started_at = LEAST(p.started_at, EXCLUDED.started_at),
         completed_at = LEAST(p.completed_at, EXCLUDED.completed_at),
         last_activity_at = GREATEST(p.last_activity_at, EXCLUDED.last_activity_at),
         received_at = now()
       WHERE p.started_at > EXCLUDED.started_at
          OR (EXCLUDED.completed_at IS NOT NULL AND (p.completed_at IS NULL OR p.completed_at > EXCLUDED.completed_at))
          OR p.last_activity_at < EXCLUDED.last_activity_at
       RETURNING 1`,
      [memberId, lesson.id, lesson.moduleId, at, state === 'completed' ? at : null],
    );
    return rows.length > 0;
  }

  /**
   * When every lesson is done (completed, and its quiz passed), the enrolment completes and a certificate
   * with a random code is issued, once. Call with the enrolment row locked.
   */
  private async completeIfDone(tx: EntityManager, memberId: string, moduleId: string): Promise<Issued | null> {
    const [state] = await tx.query(
      `SELECT e.id, e.status, (SELECT count(*)::int FROM learning_lessons l WHERE l.module_id = e.module_id) AS total,
              (SELECT count(*)::int FROM learning_lessons l WHERE l.module_id = e.module_id AND NOT ${lessonDoneSql('e.member_id', 'l')}) AS left
         FROM learning_enrolments e WHERE e.member_id = $1 AND e.module_id = $2 AND e.status IN ('enrolled','completed')`,
      [memberId, moduleId],
    );
    if (!state || state.status !== 'enrolled' || state.total === 0 || state.left > 0) return null;
    await tx.query(`UPDATE learning_enrolments SET status = 'completed', completed_at = now() WHERE id = $1`, [state.id]);
    const code = certificateCode();
    const [inserted] = await tx.query(
      `INSERT INTO learning_certificates (code, member_id, module_id, enrolment_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id, module_id) DO NOTHING RETURNING code`,
      [code, memberId, moduleId, state.id],
    );
    return inserted ? { memberId, moduleId, code: inserted.code } : null;
  }

  private async lockSeat(tx: EntityManager, memberId: string, moduleIds: string[]): Promise<void> {
    await tx.query(
      `SELECT 1 FROM learning_enrolments WHERE member_id = $1 AND module_id = ANY($2::uuid[]) AND status IN ('enrolled','completed') ORDER BY id FOR UPDATE`,
      [memberId, moduleIds],
    );
  }

  /** Completing twice is one completion; the earliest device time is kept. */
  async completeLesson(actor: MemberActor, input: { lessonId: string; completedAt?: Date | null }): Promise<{ progress: LessonProgressEntity; enrolment: EnrolmentWithProgress }> {
    const at = clientTime('completedAt', input.completedAt);
    const lesson = await this.lessonWithSeat(actor, input.lessonId);
    const { publish } = await this.db.transaction(async (tx) => {
      await this.lockSeat(tx, actor.memberId, [lesson.moduleId]);
      await this.merge(tx, actor.memberId, lesson, 'completed', at);
      const issued = await this.completeIfDone(tx, actor.memberId, lesson.moduleId);
      return this.notifier.certificateIssued(tx, issued ? [issued] : []);
    });
    await publish();
    const [progress] = await this.repo.progressOf(actor.memberId, [lesson.id]);
    const [enrolment] = await this.repo.enrolmentsWithProgress({ memberId: actor.memberId, moduleIds: [lesson.moduleId], statuses: ['enrolled', 'completed'] });
    return { progress, enrolment };
  }

  /**
   * A batch of updates made offline, applied in device-time order in one transaction. Repeats and
   * late arrivals change nothing (see `merge`). Lessons that no longer exist or where the member has no
   * seat any more are skipped and reported, so the device can drop them from its queue.
   */
  async syncProgress(
    actor: MemberActor,
    updates: { lessonId: string; state: 'started' | 'completed'; at: Date }[],
  ): Promise<{ applied: number; skippedLessonIds: string[]; progress: LessonProgressEntity[]; enrolments: EnrolmentWithProgress[] }> {
    if (updates.length > LEARNING_LIMITS.syncBatchMax) throw LearningError.tooMany('input', LEARNING_LIMITS.syncBatchMax);
    const now = new Date();
    const items = updates.map((u, i) => ({ ...u, at: clientTime(`input.${i}.at`, u.at, now) })).sort((a, b) => a.at.getTime() - b.at.getTime());
    const lessonIds = [...new Set(items.map((u) => u.lessonId))];
    const valid = lessonIds.filter(isUuid);
    const rows: Record<string, unknown>[] = valid.length
      ? await this.db.query(
          `SELECT l.id, l.module_id FROM learning_lessons l JOIN learning_modules m ON m.id = l.module_id
            WHERE l.id = ANY($1::uuid[]) AND m.status <> 'draft'
              AND EXISTS (SELECT 1 FROM learning_enrolments e WHERE e.module_id = l.module_id AND e.member_id = $2 AND e.status IN ('enrolled','completed'))`,
          [valid, actor.memberId],
        )
      : [];
    const lessons = new Map(rows.map((r) => [r.id as string, toEntity(LessonEntity, r)]));
    const skippedLessonIds = lessonIds.filter((id) => !lessons.has(id));
    const moduleIds = [...new Set([...lessons.values()].map((l) => l.moduleId))];
    let applied = 0;
    const { publish } = await this.db.transaction(async (tx) => {
      if (moduleIds.length) await this.lockSeat(tx, actor.memberId, moduleIds);
      for (const u of items) {
        const lesson = lessons.get(u.lessonId);
        if (lesson && (await this.merge(tx, actor.memberId, lesson, u.state, u.at))) applied += 1;
      }
      const issued: Issued[] = [];
      for (const moduleId of moduleIds) {
        const done = await this.completeIfDone(tx, actor.memberId, moduleId);
        if (done) issued.push(done);
      }
      return this.notifier.certificateIssued(tx, issued);
    });
    await publish();
    const progress = lessons.size ? await this.repo.progressOf(actor.memberId, [...lessons.keys()]) : [];
    const enrolments = moduleIds.length
      ? await this.repo.enrolmentsWithProgress({ memberId: actor.memberId, moduleIds, statuses: ['enrolled', 'completed'] })
      : [];
    return { applied, skippedLessonIds, progress, enrolments };
  }

  // ---- quizzes ------------------------------------------------------------------------------------

  /**
   * Graded here: a question is right when exactly its right options are chosen; the score is the percent
   * of questions right. Attempts are counted under the enrolment's row lock. Passing completes the lesson.
   * The right options are revealed only once the quiz is passed or no attempts are left.
   */
  async submitQuiz(actor: MemberActor, input: { lessonId: string; answers: { questionId: string; optionIds: string[] }[] }): Promise<AttemptResult> {
    const lesson = await this.lessonWithSeat(actor, input.lessonId);
    if (lesson.quizPassMark === null) throw LearningError.noQuiz();
    const { questions, options } = await this.repo.questionsOf([lesson.id]);
    const byQuestion = new Map(questions.map((q) => [q.id, options.filter((o) => o.questionId === q.id)]));
    const answers = new Map<string, string[]>();
    for (const [i, a] of input.answers.entries()) {
      const opts = byQuestion.get(a.questionId);
      if (!opts) throw LearningError.unknown(`answers.${i}.questionId`, 'This question is not part of the quiz.');
      if (answers.has(a.questionId)) throw LearningError.invalid(`answers.${i}.questionId`, 'Answer each question once.');
      const chosen = [...new Set(a.optionIds)];
      if (chosen.some((id) => !opts.some((o) => o.id === id))) throw LearningError.unknown(`answers.${i}.optionIds`, 'One of the options is not part of this question.');
      const q = questions.find((x) => x.id === a.questionId)!;
      if (q.kind === 'single' && chosen.length > 1) throw LearningError.invalid(`answers.${i}.optionIds`, 'Choose one option.');
      answers.set(a.questionId, chosen);
    }
    const graded = questions.map((q) => {
      const chosen = answers.get(q.id) ?? [];
      const opts = byQuestion.get(q.id)!;
      const right = opts.filter((o) => o.correct).map((o) => o.id);
      const correct = chosen.length === right.length && right.every((id) => chosen.includes(id));
      return { q, chosen, right, correct, feedback: opts.filter((o) => chosen.includes(o.id) && o.feedback).map((o) => o.feedback) };
    });
    const score = questions.length ? Math.floor((100 * graded.filter((g) => g.correct).length) / questions.length) : 0;
    const passed = score >= lesson.quizPassMark;

    const result = await this.db.transaction(async (tx) => {
      await this.lockSeat(tx, actor.memberId, [lesson.moduleId]);
      const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM learning_quiz_attempts WHERE lesson_id = $1 AND member_id = $2`, [lesson.id, actor.memberId]);
      if (lesson.quizAttemptsAllowed !== null && count >= lesson.quizAttemptsAllowed) throw LearningError.noAttemptsLeft();
      const [attempt] = await tx.query(
        `INSERT INTO learning_quiz_attempts (lesson_id, member_id, attempt_number, score, passed, answers) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, created_at`,
        [lesson.id, actor.memberId, count + 1, score, passed, JSON.stringify(Object.fromEntries(answers))],
      );
      let issued: Issued | null = null;
      if (passed) {
        await this.merge(tx, actor.memberId, lesson, 'completed', attempt.created_at);
        issued = await this.completeIfDone(tx, actor.memberId, lesson.moduleId);
      }
      const { publish } = await this.notifier.certificateIssued(tx, issued ? [issued] : []);
      return { attempt, number: count + 1, publish };
    });
    await result.publish();
    const attemptsLeft = lesson.quizAttemptsAllowed === null ? null : Math.max(0, lesson.quizAttemptsAllowed - result.number);
    const reveal = passed || attemptsLeft === 0;
    const [enrolment] = await this.repo.enrolmentsWithProgress({ memberId: actor.memberId, moduleIds: [lesson.moduleId], statuses: ['enrolled', 'completed'] });
    return {
      id: result.attempt.id,
      lessonId: lesson.id,
      attemptNumber: result.number,
      score,
      passed,
      passMark: lesson.quizPassMark,
      attemptsLeft,
      submittedAt: result.attempt.created_at,
      enrolment,
      results: graded.map((g) => ({
        questionId: g.q.id,
        correct: g.correct,
        selectedOptionIds: g.chosen,
        correctOptionIds: reveal ? g.right : null,
        feedback: g.feedback,
        explanation: g.q.explanation,
      })),
    };
  }
}
