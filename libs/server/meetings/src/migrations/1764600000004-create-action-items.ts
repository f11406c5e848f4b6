import { MigrationInterface, QueryRunner } from 'typeorm';

/** Action items decided at one occurrence: description, owner, due date, status. */
export class CreateActionItems1764600000004 implements MigrationInterface {
  name = 'CreateActionItems1764600000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE action_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        occurrence_start timestamptz NOT NULL,
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        owner_id uuid REFERENCES members(id) ON DELETE SET NULL,
        due_on date,
        status varchar(12) NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done')),
        created_by uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX action_items_occurrence ON action_items (series_id, occurrence_start, created_at)`);
    await q.query(`CREATE INDEX action_items_owner ON action_items (owner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE action_items`);
  }
}
