import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agenda and minutes of one occurrence (by its original start). The agenda is a small ordered list
 * (title, presenter, minutes allotted) kept as jsonb; minutes are Markdown.
 */
export class CreateOccurrenceNotes1764600000003 implements MigrationInterface {
  name = 'CreateOccurrenceNotes1764600000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE occurrence_notes (
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        occurrence_start timestamptz NOT NULL,
        agenda jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(agenda) = 'array'),
        minutes text NOT NULL DEFAULT '',
        updated_by uuid REFERENCES members(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (series_id, occurrence_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE occurrence_notes`);
  }
}
