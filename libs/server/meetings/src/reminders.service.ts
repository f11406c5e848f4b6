import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, AppError, JobsService, MailService, MemberActor } from '@anyam/server/core';
import { MemberEntity } from '@anyam/server/accounts';
import { NotificationsService, PendingNotifications } from '@anyam/server/notifications';
import { isLocale, Locale } from '@anyam/shared/domain';
import { MeetingSeriesEntity } from './entities/meeting-series.entity';
import { OccurrenceOverrideEntity } from './entities/occurrence-override.entity';
import { ReminderPreferencesEntity } from './entities/reminder-preferences.entity';
import { ReminderPlanEntity } from './entities/reminder-plan.entity';
import { MeetingsRepository } from './meetings.repository';
import { toRecurring } from './meeting.mapper';
import { expandOccurrences, Occurrence } from './occurrences';
import { leadText, meetingPath, promotedMail, reminderMail, whenIn } from './meetings.mail';

const DAY = 86_400_000;
/** Reminders are planned for meetings this far ahead; a daily job rolls the horizon forward. */
export const REMINDER_HORIZON_DAYS = 60;
/** Lead times a member may choose, in minutes. */
export const REMINDER_LEAD_CHOICES = [10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 4320, 10080] as const;
export const DEFAULT_REMINDER_LEADS = [1440, 60];
const MAX_LEAD = 10080;

export const REMINDER_QUEUE = 'meetings.reminder';
export const MAIL_QUEUE = 'meetings.mail';
export const HORIZON_QUEUE = 'meetings.reminder-horizon';
export const REMINDER_KIND = 'meetings.reminder';
export const PROMOTED_KIND = 'meetings.waitlist_promoted';

const when = (d: Record<string, unknown>, locale: Locale) => whenIn(new Date(String(d.start)), String(d.timeZone), isLocale(locale) ? locale : 'en');
const DIGEST_REMINDER: Record<Locale, (title: string, at: string, lead: string) => string> = {
  en: (t, at, lead) => `Reminder: "${t}" starts in ${lead} — ${at}`,
  id: (t, at, lead) => `Pengingat: "${t}" dimulai dalam ${lead} — ${at}`,
  es: (t, at, lead) => `Recordatorio: "${t}" empieza en ${lead} — ${at}`,
  pt: (t, at, lead) => `Lembrete: "${t}" começa em ${lead} — ${at}`,
};
const DIGEST_PROMOTED: Record<Locale, (title: string, at: string | null) => string> = {
  en: (t, at) => `You have a seat at "${t}"${at ? ` — ${at}` : ' (every meeting)'}`,
  id: (t, at) => `Anda mendapat tempat di "${t}"${at ? ` — ${at}` : ' (setiap pertemuan)'}`,
  es: (t, at) => `Tienes un lugar en "${t}"${at ? ` — ${at}` : ' (todas las reuniones)'}`,
  pt: (t, at) => `Você tem uma vaga em "${t}"${at ? ` — ${at}` : ' (todas as reuniões)'}`,
};

export interface ReminderJob {
  planId: string;
}

export type MeetingMailJob =
  | { kind: 'reminder'; memberId: string; seriesId: string; occurrenceStart: string; leadMinutes: number }
  | { kind: 'promoted'; memberId: string; seriesId: string; occurrenceStart: string | null };

export interface ReminderPreferences {
  leadMinutes: number[];
  email: boolean;
}

/** Someone who got a seat from a waitlist, to be told in-app and by e-mail. */
export interface Promotion {
  memberId: string;
  series: MeetingSeriesEntity;
  occurrenceStart: Date | null;
}

const ATTENDING = new Set(['going_in_person', 'going_online', 'maybe']);

/**
 * Reminders as durable jobs. One job per (occurrence, lead time) within a rolling horizon, planned in the
 * transaction that changed something (an answer, preferences, the series, an occurrence), and re-planned
 * idempotently (`meeting_reminder_plans` holds which job owns each slot). The job re-checks everything
 * when it runs: the occurrence still exists and still starts at that time, who still attends, who may still
 * see the series, and who wants that lead time; `meeting_reminders_sent`'s primary key makes each
 * reminder go out once per member even when jobs are duplicated or two instances run.
 */
@Injectable()
export class RemindersService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly repo: MeetingsRepository,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<ReminderJob>(REMINDER_QUEUE, (data, job) => this.runReminder(data.planId, job.id), { retryLimit: 5, retryDelaySeconds: 30 });
    this.jobs.register<MeetingMailJob>(MAIL_QUEUE, (data) => this.sendMail(data), { retryLimit: 8, retryDelaySeconds: 60 });
    this.jobs.register(HORIZON_QUEUE, async () => void (await this.rollHorizon()), { retryLimit: 3, retryDelaySeconds: 300 });
    // How these read in the daily e-mail digest (the web app has its own strings: notifications:kind.<kind>).
    this.notifications.registerKind(REMINDER_KIND, { line: (d, locale) => DIGEST_REMINDER[locale](String(d.title), when(d, locale), leadText(Number(d.leadMinutes), locale)) });
    this.notifications.registerKind(PROMOTED_KIND, { line: (d, locale) => DIGEST_PROMOTED[locale](String(d.title), d.start ? when(d, locale) : null) });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Once a day (one schedule shared by every instance): plan the reminders that entered the horizon.
    await this.jobs.schedule(HORIZON_QUEUE, '17 0 * * *', {}, 'UTC');
  }

  // ---- preferences --------------------------------------------------------------------------------

  async preferences(memberId: string, m: EntityManager = this.repo.db.manager): Promise<ReminderPreferences> {
    const row = await m.getRepository(ReminderPreferencesEntity).findOneBy({ memberId });
    return row ? { leadMinutes: [...row.leadMinutes].sort((a, b) => b - a), email: row.email } : { leadMinutes: [...DEFAULT_REMINDER_LEADS], email: true };
  }

  async setPreferences(actor: MemberActor, input: { leadMinutes: number[]; email?: boolean | null }): Promise<ReminderPreferences> {
    const leads = [...new Set(input.leadMinutes)].sort((a, b) => b - a);
    if (leads.length > 5) throw AppError.badInput('leadMinutes', 'tooLong', 'Choose at most 5 reminders.');
    const choices: readonly number[] = REMINDER_LEAD_CHOICES;
    if (leads.some((l) => !choices.includes(l))) {
      throw AppError.badInput('leadMinutes', 'invalid', 'Choose reminder times from the list (10 minutes to 1 week before the meeting).');
    }
    await this.repo.db.transaction(async (tx) => {
      const current = await this.preferences(actor.memberId, tx);
      await tx.query(
        `INSERT INTO meeting_reminder_preferences (member_id, lead_minutes, email, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (member_id) DO UPDATE SET lead_minutes = EXCLUDED.lead_minutes, email = EXCLUDED.email, updated_at = now()`,
        [actor.memberId, leads, input.email ?? current.email],
      );
      // Re-plan every series the member answered going or maybe to that still has meetings ahead (in id order:
      // the same lock order as everyone else who locks several series).
      const series: { id: string }[] = await tx.query(
        `SELECT s.id FROM meeting_series s
          WHERE (s.last_end IS NULL OR s.last_end > now())
            AND EXISTS (SELECT 1 FROM rsvps r WHERE r.series_id = s.id AND r.member_id = $1 AND r.response IN ('going_in_person','going_online','maybe'))
          ORDER BY s.id FOR UPDATE`,
        [actor.memberId],
      );
      for (const s of series) await this.replanSeries(tx, s.id);
    });
    return this.preferences(actor.memberId);
  }

  // ---- planning -----------------------------------------------------------------------------------

  /**
   * (Re)plans the reminder jobs of one series inside the caller's transaction (the caller holds the series
   * row lock, or a lock that serialises changes to it). Idempotent. Jobs of slots no longer wanted are left
   * to find their row gone (they then do nothing).
   */
  async replanSeries(tx: EntityManager, seriesId: string, now = new Date()): Promise<void> {
    const series = await tx.getRepository(MeetingSeriesEntity).findOneBy({ id: seriesId });
    const plans = await tx.getRepository(ReminderPlanEntity).find({ where: { seriesId }, lock: { mode: 'pessimistic_write' } });
    const wanted = new Map<string, { occurrenceStart: Date; lead: number; due: Date }>();
    if (series) {
      const overrides = await tx.getRepository(OccurrenceOverrideEntity).findBy({ seriesId });
      const horizon = new Date(now.getTime() + REMINDER_HORIZON_DAYS * DAY);
      const occurrences = expandOccurrences(toRecurring(series), overrides, now, new Date(horizon.getTime() + MAX_LEAD * 60_000));
      if (occurrences.length > 0) {
        const answers: { member_id: string; occurrence_start: Date | null; response: string; waitlisted: boolean; leads: number[] | null }[] = await tx.query(
          `SELECT r.member_id, r.occurrence_start, r.response, r.waitlisted, p.lead_minutes AS leads
             FROM rsvps r LEFT JOIN meeting_reminder_preferences p ON p.member_id = r.member_id
            WHERE r.series_id = $1 AND (r.occurrence_start IS NULL OR r.occurrence_start >= $2)`,
          [seriesId, new Date(now.getTime() - 8 * DAY)],
        );
        for (const o of occurrences) {
          for (const lead of leadsFor(answers, o)) {
            const due = new Date(o.start.getTime() - lead * 60_000);
            if (due <= now || due > horizon) continue;
            wanted.set(slotKey(o.originalStart, lead), { occurrenceStart: o.originalStart, lead, due });
          }
        }
      }
    }
    const repo = tx.getRepository(ReminderPlanEntity);
    const existing = new Map(plans.map((p) => [slotKey(p.occurrenceStart, p.leadMinutes), p]));
    for (const p of plans) {
      // Slots already due are their job's business (it deletes its row when done).
      if (p.dueAt > now && !wanted.has(slotKey(p.occurrenceStart, p.leadMinutes))) await repo.delete({ id: p.id });
    }
    for (const [key, w] of wanted) {
      const p = existing.get(key);
      if (p && p.dueAt.getTime() === w.due.getTime() && p.jobId) continue;
      const row = p ?? (await repo.save(repo.create({ seriesId, occurrenceStart: w.occurrenceStart, leadMinutes: w.lead, dueAt: w.due, jobId: null })));
      const jobId = await this.jobs.send<ReminderJob>(REMINDER_QUEUE, { planId: row.id }, { manager: tx, startAfter: w.due, singletonKey: `${row.id}@${w.due.toISOString()}` });
      await repo.update({ id: row.id }, { dueAt: w.due, jobId });
    }
  }

  /** The daily job: plan every series with answers and meetings ahead, so the horizon moves forward. */
  async rollHorizon(now = new Date()): Promise<number> {
    const ids: { id: string }[] = await this.repo.db.query(
      `SELECT s.id FROM meeting_series s
        WHERE s.first_start < $1 AND (s.last_end IS NULL OR s.last_end > $2)
          AND EXISTS (SELECT 1 FROM rsvps r WHERE r.series_id = s.id AND r.response IN ('going_in_person','going_online','maybe'))
        ORDER BY s.id`,
      [new Date(now.getTime() + (REMINDER_HORIZON_DAYS * DAY + MAX_LEAD * 60_000)), now],
    );
    for (const { id } of ids) {
      await this.repo.db.transaction(async (tx) => {
        await tx.query(`SELECT 1 FROM meeting_series WHERE id = $1 FOR UPDATE`, [id]);
        await this.replanSeries(tx, id, now);
      });
    }
    return ids.length;
  }

  // ---- running ------------------------------------------------------------------------------------

  /** One reminder slot is due: tell everyone who still attends, may still see it and wants this lead time. */
  async runReminder(planId: string, jobId: string): Promise<void> {
    const pending = await this.repo.db.transaction(async (tx): Promise<PendingNotifications | null> => {
      const plan = await tx.getRepository(ReminderPlanEntity).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_write' } });
      if (!plan || plan.jobId !== jobId) return null; // re-planned or no longer wanted: a stale job
      const plans = tx.getRepository(ReminderPlanEntity);
      const series = await tx.getRepository(MeetingSeriesEntity).findOneBy({ id: plan.seriesId });
      const occurrence = series ? await this.findOccurrence(tx, series, plan.occurrenceStart) : null;
      const now = Date.now();
      if (!series || !occurrence || occurrence.cancelled || occurrence.start.getTime() <= now) {
        await plans.delete({ id: plan.id });
        return null;
      }
      const due = new Date(occurrence.start.getTime() - plan.leadMinutes * 60_000);
      if (due.getTime() > now + 60_000) {
        // Moved later and the re-plan was missed: wait for the right time.
        const next = await this.jobs.send<ReminderJob>(REMINDER_QUEUE, { planId: plan.id }, { manager: tx, startAfter: due, singletonKey: `${plan.id}@${due.toISOString()}` });
        await plans.update({ id: plan.id }, { dueAt: due, jobId: next });
        return null;
      }
      const answers: { member_id: string; occurrence_start: Date | null; response: string; waitlisted: boolean; leads: number[] | null; email: boolean | null }[] =
        await tx.query(
          `SELECT r.member_id, r.occurrence_start, r.response, r.waitlisted, p.lead_minutes AS leads, p.email
             FROM rsvps r LEFT JOIN meeting_reminder_preferences p ON p.member_id = r.member_id
            WHERE r.series_id = $1 AND (r.occurrence_start IS NULL OR r.occurrence_start = $2)`,
          [series.id, plan.occurrenceStart],
        );
      const candidates = attendees(answers, occurrence).filter((a) => (a.leads ?? DEFAULT_REMINDER_LEADS).includes(plan.leadMinutes));
      const allowed = await this.repo.membersWhoMaySee(series, candidates.map((a) => a.member_id), tx);
      const recipients = candidates.filter((a) => allowed.has(a.member_id));
      let fresh: { member_id: string }[] = [];
      if (recipients.length > 0) {
        fresh = await tx.query(
          `INSERT INTO meeting_reminders_sent (series_id, occurrence_start, member_id, lead_minutes)
           SELECT $1, $2, unnest($3::uuid[]), $4
           ON CONFLICT DO NOTHING RETURNING member_id`,
          [series.id, plan.occurrenceStart, recipients.map((r) => r.member_id), plan.leadMinutes],
        );
      }
      const data = { title: series.title, start: occurrence.start.toISOString(), timeZone: series.timeZone, leadMinutes: plan.leadMinutes };
      const told = await this.notifications.notify(
        tx,
        fresh.map(({ member_id }) => ({
          memberId: member_id,
          kind: REMINDER_KIND,
          data,
          url: meetingPath(series.id, plan.occurrenceStart),
          dedupeKey: `${REMINDER_KIND}:${series.id}:${plan.occurrenceStart.toISOString()}:${plan.leadMinutes}`,
        })),
      );
      for (const { member_id } of fresh) {
        const r = recipients.find((x) => x.member_id === member_id)!;
        if (r.email === false) continue;
        await this.jobs.send<MeetingMailJob>(
          MAIL_QUEUE,
          { kind: 'reminder', memberId: member_id, seriesId: series.id, occurrenceStart: plan.occurrenceStart.toISOString(), leadMinutes: plan.leadMinutes },
          { manager: tx },
        );
      }
      await plans.delete({ id: plan.id });
      return told;
    });
    await pending?.publish();
  }

  /**
   * Waitlist promotions, in the caller's transaction: an in-app notification, and an e-mail through a
   * durable job. The caller publishes the result once its transaction has committed.
   */
  async announcePromotions(tx: EntityManager, promoted: Promotion[]): Promise<PendingNotifications> {
    const told = await this.notifications.notify(
      tx,
      promoted.map((p) => ({
        memberId: p.memberId,
        kind: PROMOTED_KIND,
        data: { title: p.series.title, start: p.occurrenceStart?.toISOString() ?? null, timeZone: p.series.timeZone },
        url: meetingPath(p.series.id, p.occurrenceStart),
      })),
    );
    for (const p of promoted) {
      await this.jobs.send<MeetingMailJob>(
        MAIL_QUEUE,
        { kind: 'promoted', memberId: p.memberId, seriesId: p.series.id, occurrenceStart: p.occurrenceStart?.toISOString() ?? null },
        { manager: tx },
      );
    }
    return told;
  }

  /** Writes one mail in the member's language, with the time in their zone and the series' zone. */
  async sendMail(job: MeetingMailJob): Promise<void> {
    const db = this.repo.db;
    const member = await db.getRepository(MemberEntity).findOneBy({ id: job.memberId });
    const series = await db.getRepository(MeetingSeriesEntity).findOneBy({ id: job.seriesId });
    if (!member || !series) return;
    const original = job.occurrenceStart ? new Date(job.occurrenceStart) : null;
    const occurrence = original ? await this.findOccurrence(db.manager, series, original) : null;
    if (original && !occurrence) return;
    const facts = {
      locale: member.locale,
      name: member.name,
      title: series.title,
      start: occurrence?.start ?? series.firstStart,
      memberZone: member.timeZone || series.timeZone,
      seriesZone: series.timeZone,
      link: `${this.config.publicUrl}${meetingPath(series.id, original)}`,
    };
    if (job.kind === 'promoted') {
      await this.mail.send({ to: member.email, ...promotedMail(facts, original === null) });
      return;
    }
    await db.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT mailed_at FROM meeting_reminders_sent WHERE series_id = $1 AND occurrence_start = $2 AND member_id = $3 AND lead_minutes = $4 FOR UPDATE`,
        [series.id, original, member.id, job.leadMinutes],
      );
      if (!row || row.mailed_at) return; // mailed already (a retried job)
      await this.mail.send({ to: member.email, ...reminderMail(facts, job.leadMinutes) });
      await tx.query(
        `UPDATE meeting_reminders_sent SET mailed_at = now() WHERE series_id = $1 AND occurrence_start = $2 AND member_id = $3 AND lead_minutes = $4`,
        [series.id, original, member.id, job.leadMinutes],
      );
    });
  }

  private async findOccurrence(m: EntityManager, series: MeetingSeriesEntity, originalStart: Date): Promise<Occurrence | null> {
    const overrides = await m.getRepository(OccurrenceOverrideEntity).findBy({ seriesId: series.id, originalStart });
    const ov = overrides[0];
    const at = ov?.newStart ?? originalStart;
    const [o] = expandOccurrences(toRecurring(series), overrides, new Date(at.getTime()), new Date(at.getTime() + 1), { includeCancelled: true });
    return o && o.originalStart.getTime() === originalStart.getTime() ? o : null;
  }
}

function slotKey(occurrenceStart: Date, lead: number): string {
  return `${occurrenceStart.toISOString()}|${lead}`;
}

type Answer = { member_id: string; occurrence_start: Date | null; response: string; waitlisted: boolean; leads: number[] | null };

/** Members whose effective answer for the occurrence (its own, else the whole-series one) is going with a seat, or maybe. */
function attendees<A extends Answer>(answers: A[], o: Occurrence): A[] {
  const byMember = new Map<string, A>();
  for (const a of answers) {
    const own = a.occurrence_start !== null;
    if (own && new Date(a.occurrence_start!).getTime() !== o.originalStart.getTime()) continue;
    const seen = byMember.get(a.member_id);
    if (!seen || (own && seen.occurrence_start === null)) byMember.set(a.member_id, a);
  }
  return [...byMember.values()].filter((a) => ATTENDING.has(a.response) && !a.waitlisted);
}

function leadsFor(answers: Answer[], o: Occurrence): Set<number> {
  const leads = new Set<number>();
  for (const a of attendees(answers, o)) for (const l of a.leads ?? DEFAULT_REMINDER_LEADS) leads.add(l);
  return leads;
}
