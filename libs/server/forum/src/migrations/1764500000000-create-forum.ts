import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forum: groups (regional, hub, thematic), private-group members, threads, posts, edit history, and
 * full-text search stemmed in each row's own language (`anyam_ts_config`), titles weighted A, bodies B.
 * `search_vector` columns are generated, so they can never drift from the text.
 */
export class CreateForum1764500000000 implements MigrationInterface {
  name = 'CreateForum1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION anyam_ts_config(lang text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
          SELECT CASE lower(split_part(lang, '-', 1))
                   WHEN 'id' THEN 'pg_catalog.indonesian'::regconfig
                   WHEN 'es' THEN 'pg_catalog.spanish'::regconfig
                   WHEN 'pt' THEN 'pg_catalog.portuguese'::regconfig
                   WHEN 'en' THEN 'pg_catalog.english'::regconfig
                   ELSE 'pg_catalog.simple'::regconfig
                 END
        $$`);

    const slug = `slug varchar(64) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`;
    const language = (col = 'language') => `${col} varchar(35) NOT NULL CHECK (${col} ~ '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$')`;
    await q.query(`
      CREATE TABLE forum_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(8) NOT NULL CHECK (kind IN ('region','hub','theme')),
        region_id uuid REFERENCES regions(id) ON DELETE RESTRICT,
        hub_id uuid REFERENCES hubs(id) ON DELETE RESTRICT,
        theme_key varchar(48) REFERENCES themes(key) ON DELETE RESTRICT,
        name varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
        ${slug},
        description text NOT NULL DEFAULT '',
        visibility varchar(8) NOT NULL DEFAULT 'public' CHECK (visibility IN ('public','members','private')),
        ${language('default_language')},
        hold_first_posts boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'region' AND region_id IS NOT NULL AND hub_id IS NULL AND theme_key IS NULL)
            OR (kind = 'hub' AND hub_id IS NOT NULL AND region_id IS NOT NULL AND theme_key IS NULL)
            OR (kind = 'theme' AND theme_key IS NOT NULL AND hub_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX forum_groups_slug_key ON forum_groups (slug)`);
    await q.query(`CREATE UNIQUE INDEX forum_groups_one_regional_forum ON forum_groups (region_id) WHERE kind = 'region'`);
    await q.query(`CREATE INDEX forum_groups_hub ON forum_groups (hub_id) WHERE hub_id IS NOT NULL`);
    await q.query(`CREATE INDEX forum_groups_name_id ON forum_groups (name, id)`);

    await q.query(`
      CREATE TABLE forum_group_members (
        group_id uuid NOT NULL REFERENCES forum_groups(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        role varchar(12) NOT NULL DEFAULT 'member' CHECK (role IN ('member','moderator')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, member_id)
      )`);
    await q.query(`CREATE INDEX forum_group_members_member ON forum_group_members (member_id)`);

    await q.query(`
      CREATE TABLE forum_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES forum_groups(id) ON DELETE RESTRICT,
        title varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
        author_id uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        ${language()},
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        archived boolean NOT NULL DEFAULT false,
        accepted_post_id uuid,
        reply_count integer NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
        participant_count integer NOT NULL DEFAULT 0 CHECK (participant_count >= 0),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        last_poster_id uuid REFERENCES members(id) ON DELETE SET NULL,
        tags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector(anyam_ts_config(language), title), 'A')) STORED
      )`);
    await q.query(`CREATE INDEX forum_threads_latest ON forum_threads (group_id, pinned DESC, last_activity_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX forum_threads_newest ON forum_threads (group_id, pinned DESC, created_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX forum_threads_search ON forum_threads USING gin (search_vector)`);
    await q.query(`CREATE INDEX forum_threads_tags ON forum_threads USING gin (tags)`);

    await q.query(`
      CREATE TABLE forum_thread_themes (
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        theme_key varchar(48) NOT NULL REFERENCES themes(key) ON DELETE RESTRICT,
        PRIMARY KEY (thread_id, theme_key)
      )`);
    await q.query(`CREATE INDEX forum_thread_themes_theme ON forum_thread_themes (theme_key)`);

    await q.query(`
      CREATE TABLE forum_posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
        post_number integer NOT NULL CHECK (post_number >= 1),
        author_id uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        body_markdown text NOT NULL,
        body_html text NOT NULL,
        ${language()},
        quote_post_id uuid REFERENCES forum_posts(id) ON DELETE SET NULL,
        client_mutation_id varchar(64),
        edited_at timestamptz,
        deleted_at timestamptz,
        deleted_by_id uuid REFERENCES members(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector(anyam_ts_config(language), body_markdown), 'B')) STORED,
        CONSTRAINT forum_posts_thread_number_key UNIQUE (thread_id, post_number),
        CONSTRAINT forum_posts_client_mutation_key UNIQUE (author_id, client_mutation_id)
      )`);
    await q.query(`CREATE INDEX forum_posts_thread_author ON forum_posts (thread_id, author_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX forum_posts_search ON forum_posts USING gin (search_vector)`);
    await q.query(`ALTER TABLE forum_threads ADD CONSTRAINT forum_threads_accepted_post FOREIGN KEY (accepted_post_id) REFERENCES forum_posts(id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE forum_post_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES forum_posts(id) ON DELETE CASCADE,
        editor_id uuid NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        previous_body_markdown text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX forum_post_revisions_post ON forum_post_revisions (post_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE forum_threads DROP CONSTRAINT forum_threads_accepted_post`);
    for (const table of ['forum_post_revisions', 'forum_posts', 'forum_thread_themes', 'forum_threads', 'forum_group_members', 'forum_groups']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION anyam_ts_config(text)`);
  }
}
