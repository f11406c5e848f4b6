import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attendance recorded by the organisers after a meeting has started: one row per member and occurrence. */
export class CreateAttendance1764600000002 implements MigrationInterface {
  name = 'CreateAttendance1764600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attendance (
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        occurrence_start timestamptz NOT NULL,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        status varchar(20) NOT NULL CHECK (status IN ('present_in_person','present_online','absent')),
        recorded_by uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (series_id, occurrence_start, member_id)
      )`);
    await q.query(`CREATE INDEX attendance_member ON attendance (member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attendance`);
  }
}
