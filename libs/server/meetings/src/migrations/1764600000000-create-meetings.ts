import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings: series (a single meeting is a series without RRULE), their participating hubs, per-occurrence
 * overrides (cancelled / moved, keyed by the rule's original start = iCalendar RECURRENCE-ID) and RSVPs
 * (per occurrence, or for the whole series when occurrence_start is null).
 *
 * `start_local` is a wall-clock time in `time_zone`; occurrences are computed in that zone by the
 * application. `first_start` / `last_end` (null = no end) are derived from the rule on every write so a
 * date-range query can skip series in SQL before expanding any rule.
 */
export class CreateMeetings1764600000000 implements MigrationInterface {
  name = 'CreateMeetings1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(160) NOT NULL CHECK (length(btrim(title)) > 0),
        description text NOT NULL DEFAULT '',
        kind varchar(16) NOT NULL CHECK (kind IN ('regional','inter_hub','training','world_cafe','other')),
        organising_hub_id uuid NOT NULL REFERENCES hubs(id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES regions(id) ON DELETE RESTRICT,
        time_zone varchar(64) NOT NULL,
        start_local timestamp NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes > 0 AND duration_minutes <= 10080),
        rrule text,
        first_start timestamptz NOT NULL,
        last_end timestamptz,
        mode varchar(10) NOT NULL CHECK (mode IN ('online','hybrid','in_person')),
        place text,
        online_url varchar(500),
        capacity_in_person integer CHECK (capacity_in_person >= 0),
        capacity_online integer CHECK (capacity_online >= 0),
        visibility varchar(8) NOT NULL DEFAULT 'public' CHECK (visibility IN ('public','hubs','invited')),
        created_by uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_series_region ON meeting_series (region_id)`);
    await q.query(`CREATE INDEX meeting_series_hub ON meeting_series (organising_hub_id)`);
    await q.query(`CREATE INDEX meeting_series_window ON meeting_series (first_start, last_end)`);

    await q.query(`
      CREATE TABLE meeting_series_hubs (
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        hub_id uuid NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,
        PRIMARY KEY (series_id, hub_id)
      )`);
    await q.query(`CREATE INDEX meeting_series_hubs_hub ON meeting_series_hubs (hub_id)`);

    await q.query(`
      CREATE TABLE occurrence_overrides (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        original_start timestamptz NOT NULL,
        cancelled boolean NOT NULL DEFAULT false,
        new_start timestamptz,
        new_duration_minutes integer CHECK (new_duration_minutes > 0 AND new_duration_minutes <= 10080),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX occurrence_overrides_key ON occurrence_overrides (series_id, original_start)`);

    await q.query(`
      CREATE TABLE rsvps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
        occurrence_start timestamptz,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        response varchar(16) NOT NULL CHECK (response IN ('going_in_person','going_online','maybe','not_going')),
        waitlisted boolean NOT NULL DEFAULT false,
        position bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT waitlisted OR response IN ('going_in_person','going_online'))
      )`);
    // One answer per member and occurrence; the null occurrence (whole series) counts as one value.
    await q.query(`CREATE UNIQUE INDEX rsvps_key ON rsvps (series_id, occurrence_start, member_id) NULLS NOT DISTINCT`);
    await q.query(`CREATE INDEX rsvps_member ON rsvps (member_id)`);
    await q.query(`CREATE SEQUENCE rsvp_waitlist_position`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE rsvp_waitlist_position`);
    await q.query(`DROP TABLE rsvps`);
    await q.query(`DROP TABLE occurrence_overrides`);
    await q.query(`DROP TABLE meeting_series_hubs`);
    await q.query(`DROP TABLE meeting_series`);
  }
}
