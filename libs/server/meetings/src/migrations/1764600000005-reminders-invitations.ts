import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations (visibility `invited`), reminder preferences, the reminder plan (one durable job per
 * occurrence and lead time, within a rolling horizon), the ledger of reminders sent (one row per member,
 * occurrence and lead time: its primary key is what makes a reminder go out once), and the forum thread
 * an occurrence's minutes were published to.
 */
export class RemindersInvitations1764600000005 implements MigrationInterface {
  name = 'RemindersInvitations1764600000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_invitations (
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        invited_by uuid REFERENCES members(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (series_id, member_id)
      )`);
    await q.query(`CREATE INDEX meeting_invitations_member ON meeting_invitations (member_id)`);
    await q.query(`
      CREATE TABLE meeting_reminder_preferences (
        member_id uuid PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
        lead_minutes integer[] NOT NULL,
        email boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE meeting_reminder_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        occurrence_start timestamptz NOT NULL,
        lead_minutes integer NOT NULL CHECK (lead_minutes > 0),
        due_at timestamptz NOT NULL,
        job_id uuid,
        UNIQUE (series_id, occurrence_start, lead_minutes)
      )`);
    await q.query(`
      CREATE TABLE meeting_reminders_sent (
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        occurrence_start timestamptz NOT NULL,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        lead_minutes integer NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        mailed_at timestamptz,
        PRIMARY KEY (series_id, occurrence_start, member_id, lead_minutes)
      )`);
    await q.query(`CREATE INDEX meeting_reminders_sent_member ON meeting_reminders_sent (member_id)`);
    await q.query(`ALTER TABLE occurrence_notes ADD COLUMN minutes_thread_id uuid, ADD COLUMN minutes_post_id uuid, ADD COLUMN minutes_published_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE occurrence_notes DROP COLUMN minutes_thread_id, DROP COLUMN minutes_post_id, DROP COLUMN minutes_published_at`);
    await q.query(`DROP TABLE meeting_reminders_sent`);
    await q.query(`DROP TABLE meeting_reminder_plans`);
    await q.query(`DROP TABLE meeting_reminder_preferences`);
    await q.query(`DROP TABLE meeting_invitations`);
  }
}
