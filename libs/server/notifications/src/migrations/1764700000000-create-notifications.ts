import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1764700000000 implements MigrationInterface {
  name = 'CreateNotifications1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[a-z]+\\.[a-z_]+$'),
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        url text NOT NULL CHECK (url LIKE '/%'),
        actor_id uuid REFERENCES members(id) ON DELETE SET NULL,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz
      )`);
    // The member's list, newest first, and the unread count.
    await queryRunner.query(`CREATE INDEX notifications_member_created_idx ON notifications (member_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX notifications_member_unread_idx ON notifications (member_id) WHERE read_at IS NULL`);
    // What the digest still has to mail.
    await queryRunner.query(`CREATE INDEX notifications_digest_idx ON notifications (member_id, created_at) WHERE read_at IS NULL AND emailed_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (member_id, dedupe_key) WHERE dedupe_key IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE notification_settings (
        member_id uuid PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
        email_digest boolean NOT NULL DEFAULT true,
        last_digest_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_settings`);
    await queryRunner.query(`DROP TABLE notifications`);
  }
}
