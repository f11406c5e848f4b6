import { MigrationInterface, QueryRunner } from 'typeorm';

/** The secret of each member's private calendar feed (/ical/me/<token>.ics): only its SHA-256 is stored. */
export class CreateCalendarTokens1764600000001 implements MigrationInterface {
  name = 'CreateCalendarTokens1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_tokens (
        member_id uuid PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_tokens_hash ON calendar_tokens (token_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_tokens`);
  }
}
