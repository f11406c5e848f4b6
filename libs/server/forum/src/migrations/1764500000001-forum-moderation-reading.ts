import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forum, second part: group thread counts (kept by a trigger, so every writer — the API, moveThread, the
 * demo data, benchmarks — keeps them right in its own transaction), "top" ordering, reactions, flags,
 * held and hidden posts, per-member read positions, watches and drafts.
 */
export class ForumModerationReading1764500000001 implements MigrationInterface {
  name = 'ForumModerationReading1764500000001';

  async up(q: QueryRunner): Promise<void> {
    // ---- held threads/posts, hidden posts, reaction counts ------------------------------------------
    await q.query(`ALTER TABLE forum_threads
      ADD COLUMN held boolean NOT NULL DEFAULT false,
      ADD COLUMN reaction_count integer NOT NULL DEFAULT 0 CHECK (reaction_count >= 0),
      ADD COLUMN top_score integer GENERATED ALWAYS AS (reply_count * 2 + reaction_count) STORED`);
    await q.query(`CREATE INDEX forum_threads_top ON forum_threads (group_id, pinned DESC, top_score DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`ALTER TABLE forum_posts
      ADD COLUMN status varchar(8) NOT NULL DEFAULT 'visible' CHECK (status IN ('visible','held','rejected')),
      ADD COLUMN hidden_at timestamptz,
      ADD COLUMN hidden_by_id uuid REFERENCES members(id) ON DELETE SET NULL,
      ADD COLUMN reaction_counts jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`CREATE INDEX forum_posts_held ON forum_posts (thread_id) WHERE status = 'held'`);

    // ---- group thread counts ------------------------------------------------------------------------
    await q.query(`ALTER TABLE forum_groups ADD COLUMN thread_count integer NOT NULL DEFAULT 0 CHECK (thread_count >= 0)`);
    await q.query(`
      CREATE FUNCTION forum_group_thread_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE','DELETE') AND OLD.deleted_at IS NULL AND NOT OLD.held THEN
          UPDATE forum_groups SET thread_count = thread_count - 1 WHERE id = OLD.group_id;
        END IF;
        IF TG_OP IN ('UPDATE','INSERT') AND NEW.deleted_at IS NULL AND NOT NEW.held THEN
          UPDATE forum_groups SET thread_count = thread_count + 1 WHERE id = NEW.group_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER forum_threads_group_count AFTER INSERT OR DELETE OR UPDATE OF group_id, deleted_at, held ON forum_threads
        FOR EACH ROW EXECUTE FUNCTION forum_group_thread_count()`);
    await q.query(`UPDATE forum_groups g SET thread_count = (SELECT count(*) FROM forum_threads t WHERE t.group_id = g.id AND t.deleted_at IS NULL AND NOT t.held)`);

    // ---- reactions ----------------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE forum_reactions (
        post_id uuid NOT NULL REFERENCES forum_posts(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('like','thanks','insightful','question')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, member_id, kind)
      )`);
    await q.query(`CREATE INDEX forum_reactions_member ON forum_reactions (member_id, post_id)`);

    // ---- flags --------------------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE forum_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES forum_posts(id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        reason varchar(500) NOT NULL CHECK (length(btrim(reason)) > 0),
        status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open','hidden','dismissed')),
        resolved_by_id uuid REFERENCES members(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX forum_flags_one_open ON forum_flags (post_id, reporter_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX forum_flags_open ON forum_flags (created_at, id) WHERE status = 'open'`);

    // ---- reading, watching, drafts ------------------------------------------------------------------
    await q.query(`
      CREATE TABLE forum_thread_reads (
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        last_read_post_id uuid NOT NULL REFERENCES forum_posts(id) ON DELETE CASCADE,
        last_read_post_number integer NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, thread_id)
      )`);
    await q.query(`
      CREATE TABLE forum_watches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        thread_id uuid REFERENCES forum_threads(id) ON DELETE CASCADE,
        group_id uuid REFERENCES forum_groups(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((thread_id IS NULL) <> (group_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX forum_watches_thread ON forum_watches (thread_id, member_id) WHERE thread_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX forum_watches_group ON forum_watches (group_id, member_id) WHERE group_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE forum_drafts (
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        body text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, thread_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['forum_drafts', 'forum_watches', 'forum_thread_reads', 'forum_flags', 'forum_reactions']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP TRIGGER forum_threads_group_count ON forum_threads`);
    await q.query(`DROP FUNCTION forum_group_thread_count()`);
    await q.query(`ALTER TABLE forum_groups DROP COLUMN thread_count`);
    await q.query(`ALTER TABLE forum_posts DROP COLUMN status, DROP COLUMN hidden_at, DROP COLUMN hidden_by_id, DROP COLUMN reaction_counts`);
    await q.query(`DROP INDEX forum_threads_top`);
    await q.query(`ALTER TABLE forum_threads DROP COLUMN top_score, DROP COLUMN reaction_count, DROP COLUMN held`);
  }
}
