import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isLocale, DEFAULT_LOCALE } from '@anyam/shared/domain';
import { AppConfig, JobsService, MailService } from '@anyam/server/core';
import { NotificationsService } from './notifications.service';
import { digestMail } from './digest.mail';
import type { NotificationData } from './entities/notification.entity';

export const DIGEST_TICK_QUEUE = 'notifications.digest-tick';
export const DIGEST_MEMBER_QUEUE = 'notifications.digest-member';
/** The digest goes out in the member's morning, in their own time zone. */
export const DIGEST_LOCAL_HOUR = 7;
/** Lines in one digest; the rest are counted. */
export const DIGEST_MAX_LINES = 20;

/**
 * The daily e-mail digest. An hourly tick (a pg-boss cron schedule: one run per hour whatever the number
 * of instances) enqueues one job per member for whom it is now 07:00 and who has unread notifications not
 * yet mailed; that job mails them and marks them mailed in one transaction, so a retried or repeated job
 * mails nothing twice.
 */
@Injectable()
export class DigestService implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ at?: string }>(DIGEST_TICK_QUEUE, ({ at }) => this.tick(at ? new Date(at) : new Date()).then(() => undefined), { retryLimit: 2 });
    this.jobs.register<{ memberId: string }>(DIGEST_MEMBER_QUEUE, ({ memberId }) => this.sendDigest(memberId).then(() => undefined), { batchSize: 5 });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runJobWorkers) await this.jobs.schedule(DIGEST_TICK_QUEUE, '0 * * * *');
  }

  /** Enqueue the digests due at `now`; returns the members they are for. */
  async tick(now: Date): Promise<string[]> {
    const due: { id: string; day: string }[] = await this.db.query(
      `SELECT m.id, to_char($1::timestamptz AT TIME ZONE m.time_zone, 'YYYY-MM-DD') AS day
         FROM members m
         LEFT JOIN notification_settings s ON s.member_id = m.id
        WHERE coalesce(s.email_digest, true)
          AND extract(hour FROM $1::timestamptz AT TIME ZONE m.time_zone) = $2
          AND EXISTS (SELECT 1 FROM notifications n
                       WHERE n.member_id = m.id AND n.read_at IS NULL AND n.emailed_at IS NULL)`,
      [now.toISOString(), DIGEST_LOCAL_HOUR],
    );
    for (const { id, day } of due) {
      await this.jobs.send(DIGEST_MEMBER_QUEUE, { memberId: id }, { singletonKey: `digest:${id}:${day}` });
    }
    return due.map((d) => d.id);
  }

  /** Mail the member what is unread and not yet mailed. Returns how many notifications it named. */
  async sendDigest(memberId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [member]: { email: string; name: string; locale: string; email_digest: boolean }[] = await tx.query(
        `SELECT m.email, m.name, m.locale, coalesce(s.email_digest, true) AS email_digest
           FROM members m LEFT JOIN notification_settings s ON s.member_id = m.id WHERE m.id = $1`,
        [memberId],
      );
      if (!member || !member.email_digest) return 0;
      const pending: { id: string; kind: string; data: NotificationData; url: string }[] = await tx.query(
        `SELECT id, kind, data, url FROM notifications
          WHERE member_id = $1 AND read_at IS NULL AND emailed_at IS NULL
          ORDER BY created_at DESC, id DESC
          FOR UPDATE SKIP LOCKED`,
        [memberId],
      );
      if (pending.length === 0) return 0;
      const locale = isLocale(member.locale) ? member.locale : DEFAULT_LOCALE;
      const shown = pending.slice(0, DIGEST_MAX_LINES);
      const base = this.config.publicUrl;
      const lines = shown.map((n) => ({ text: this.notifications.digestLine(n.kind, n.data, locale), link: `${base}${n.url}` }));
      await tx.query(`UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])`, [pending.map((n) => n.id)]);
      await tx.query(
        `INSERT INTO notification_settings (member_id, last_digest_at) VALUES ($1, now())
         ON CONFLICT (member_id) DO UPDATE SET last_digest_at = now()`,
        [memberId],
      );
      // Last, so a failed send rolls the marks back and the job's retry mails again.
      await this.mail.send({ to: member.email, ...digestMail(locale, member.name, lines, pending.length - shown.length, `${base}/notifications`) });
      return pending.length;
    });
  }
}
