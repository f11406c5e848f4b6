import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Community structure: regions, alliances, themes (seeded here: they are reference data, not demo data),
 * organisations, hubs, join requests, invitations and member profiles. Hub and organisation memberships
 * are role grants (accounts' `role_grants`, scope hub|organisation), not a parallel table.
 */
export class CreateCommunity1764400000000 implements MigrationInterface {
  name = 'CreateCommunity1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const slug = (col = 'slug') => `${col} varchar(64) NOT NULL CHECK (${col} ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`;
    const visibility = `visibility varchar(8) NOT NULL DEFAULT 'public' CHECK (visibility IN ('public','members'))`;
    await q.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
        ${slug()},
        description text NOT NULL DEFAULT '',
        time_zone varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX regions_slug_key ON regions (slug)`);
    await q.query(`CREATE INDEX regions_name_id ON regions (name, id)`);

    await q.query(`
      CREATE TABLE alliances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
        ${slug()},
        region_id uuid NOT NULL REFERENCES regions(id) ON DELETE RESTRICT,
        launched_on date,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX alliances_slug_key ON alliances (slug)`);
    await q.query(`CREATE INDEX alliances_region ON alliances (region_id)`);
    await q.query(`CREATE INDEX alliances_name_id ON alliances (name, id)`);

    await q.query(`
      CREATE TABLE themes (
        key varchar(48) PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        parent_key varchar(48) REFERENCES themes(key) ON DELETE RESTRICT,
        position smallint NOT NULL DEFAULT 0,
        names jsonb NOT NULL CHECK (names ? 'en' AND names ? 'id' AND names ? 'es' AND names ? 'pt')
      )`);
    await q.query(`CREATE INDEX themes_parent ON themes (parent_key)`);
    for (const [key, parent, position, en, id, es, pt] of THEMES) {
      await q.query(`INSERT INTO themes (key, parent_key, position, names) VALUES ($1, $2, $3, $4)`, [
        key,
        parent,
        position,
        JSON.stringify({ en, id, es, pt }),
      ]);
    }

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(160) NOT NULL CHECK (length(btrim(name)) > 0),
        ${slug()},
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        city varchar(120),
        languages text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '',
        website varchar(300),
        ${visibility},
        verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisations_slug_key ON organisations (slug)`);
    await q.query(`CREATE INDEX organisations_name_id ON organisations (name, id)`);

    await q.query(`
      CREATE TABLE organisation_themes (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        theme_key varchar(48) NOT NULL REFERENCES themes(key) ON DELETE RESTRICT,
        PRIMARY KEY (organisation_id, theme_key)
      )`);
    await q.query(`CREATE INDEX organisation_themes_theme ON organisation_themes (theme_key)`);

    await q.query(`
      CREATE TABLE hubs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        host_organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
        name varchar(160) NOT NULL CHECK (length(btrim(name)) > 0),
        ${slug()},
        region_id uuid NOT NULL REFERENCES regions(id) ON DELETE RESTRICT,
        alliance_id uuid REFERENCES alliances(id) ON DELETE SET NULL,
        city varchar(120),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        time_zone varchar(64) NOT NULL,
        working_hours_start time NOT NULL DEFAULT '09:00',
        working_hours_end time NOT NULL DEFAULT '17:00',
        working_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5}' CHECK (working_days <@ '{1,2,3,4,5,6,7}'::smallint[]),
        description text NOT NULL DEFAULT '',
        services text[] NOT NULL DEFAULT '{}',
        delivery_modes text[] NOT NULL DEFAULT '{online}' CHECK (delivery_modes <@ '{online,hybrid,offline}'::text[]),
        ${visibility},
        join_policy varchar(12) NOT NULL DEFAULT 'open' CHECK (join_policy IN ('open','by_request')),
        stage smallint NOT NULL DEFAULT 1 CHECK (stage BETWEEN 1 AND 6),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (working_hours_start < working_hours_end)
      )`);
    await q.query(`CREATE UNIQUE INDEX hubs_slug_key ON hubs (slug)`);
    await q.query(`CREATE INDEX hubs_name_id ON hubs (name, id)`);
    await q.query(`CREATE INDEX hubs_host ON hubs (host_organisation_id)`);
    await q.query(`CREATE INDEX hubs_region ON hubs (region_id)`);
    await q.query(`CREATE INDEX hubs_alliance ON hubs (alliance_id)`);

    await q.query(`
      CREATE TABLE hub_themes (
        hub_id uuid NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,
        theme_key varchar(48) NOT NULL REFERENCES themes(key) ON DELETE RESTRICT,
        PRIMARY KEY (hub_id, theme_key)
      )`);
    await q.query(`CREATE INDEX hub_themes_theme ON hub_themes (theme_key)`);

    await q.query(`
      CREATE TABLE hub_partners (
        hub_id uuid NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        PRIMARY KEY (hub_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX hub_partners_organisation ON hub_partners (organisation_id)`);

    await q.query(`
      CREATE TABLE hub_join_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hub_id uuid NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        status varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','declined')),
        decided_by uuid REFERENCES members(id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'pending') = (decided_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX hub_join_requests_pending_key ON hub_join_requests (hub_id, member_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX hub_join_requests_hub ON hub_join_requests (hub_id, status, created_at)`);
    await q.query(`CREATE INDEX hub_join_requests_member ON hub_join_requests (member_id)`);
    await q.query(`CREATE INDEX hub_join_requests_decided_by ON hub_join_requests (decided_by)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        hub_id uuid REFERENCES hubs(id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('member','facilitator','coordinator')),
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES members(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        invited_by uuid REFERENCES members(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((organisation_id IS NULL) <> (hub_id IS NULL)),
        CHECK (hub_id IS NOT NULL OR role IN ('member','coordinator'))
      )`);
    await q.query(`CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash)`);
    await q.query(`CREATE INDEX invitations_organisation ON invitations (organisation_id)`);
    await q.query(`CREATE INDEX invitations_hub ON invitations (hub_id)`);
    await q.query(`CREATE INDEX invitations_email ON invitations (email)`);
    await q.query(`CREATE INDEX invitations_invited_by ON invitations (invited_by)`);
    await q.query(`CREATE INDEX invitations_accepted_by ON invitations (accepted_by)`);

    await q.query(`
      CREATE TABLE member_profiles (
        member_id uuid PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
        pronouns varchar(40),
        bio text NOT NULL DEFAULT '' CHECK (length(bio) <= 2000),
        languages text[] NOT NULL DEFAULT '{}',
        theme_keys text[] NOT NULL DEFAULT '{}',
        reduced_motion boolean NOT NULL DEFAULT false,
        larger_text boolean NOT NULL DEFAULT false,
        directory_visibility varchar(8) NOT NULL DEFAULT 'hidden' CHECK (directory_visibility IN ('hidden','hubs','members')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX member_profiles_visibility ON member_profiles (directory_visibility) WHERE directory_visibility <> 'hidden'`);
    // Directory keyset pagination and "members of my hubs" look-ups.
    await q.query(`CREATE INDEX members_name_id ON members (name, id)`);
    await q.query(`CREATE INDEX role_grants_scope_member ON role_grants (scope, scope_id, member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX role_grants_scope_member`);
    await q.query(`DROP INDEX members_name_id`);
    for (const t of [
      'member_profiles',
      'invitations',
      'hub_join_requests',
      'hub_partners',
      'hub_themes',
      'hubs',
      'organisation_themes',
      'organisations',
      'themes',
      'alliances',
      'regions',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}

/** [key, parent, position, en, id, es, pt] — the three themes from the 2023 meeting and their sub-themes. */
const THEMES: [string, string | null, number, string, string, string, string][] = [
  ['wellness-safety', null, 1, 'Wellness and safety', 'Kesejahteraan dan keamanan', 'Bienestar y seguridad', 'Bem-estar e segurança'],
  ['strategic-relevance', null, 2, 'Strategic relevance', 'Relevansi strategis', 'Relevancia estratégica', 'Relevância estratégica'],
  ['institutional-resilience', null, 3, 'Institutional resilience', 'Ketahanan kelembagaan', 'Resiliencia institucional', 'Resiliência institucional'],
  ['collective-care', 'wellness-safety', 1, 'Collective care and well-being', 'Perawatan kolektif dan kesejahteraan', 'Cuidado colectivo y bienestar', 'Cuidado coletivo e bem-estar'],
  ['digital-security', 'wellness-safety', 2, 'Digital security', 'Keamanan digital', 'Seguridad digital', 'Segurança digital'],
  ['physical-safety', 'wellness-safety', 3, 'Physical safety and protection', 'Keselamatan fisik dan perlindungan', 'Seguridad física y protección', 'Segurança física e proteção'],
  ['communications', 'strategic-relevance', 1, 'Communications and narrative', 'Komunikasi dan narasi', 'Comunicación y narrativa', 'Comunicação e narrativa'],
  ['advocacy', 'strategic-relevance', 2, 'Advocacy and policy', 'Advokasi dan kebijakan', 'Incidencia y políticas', 'Advocacy e políticas'],
  ['constituency-building', 'strategic-relevance', 3, 'Constituency and network building', 'Membangun konstituen dan jaringan', 'Construcción de bases y redes', 'Construção de bases e redes'],
  ['financial-resilience', 'institutional-resilience', 1, 'Financial resilience', 'Ketahanan finansial', 'Resiliencia financiera', 'Resiliência financeira'],
  ['governance', 'institutional-resilience', 2, 'Governance and accountability', 'Tata kelola dan akuntabilitas', 'Gobernanza y rendición de cuentas', 'Governança e prestação de contas'],
  ['people-leadership', 'institutional-resilience', 3, 'People and leadership', 'Sumber daya manusia dan kepemimpinan', 'Personas y liderazgo', 'Pessoas e liderança'],
];
