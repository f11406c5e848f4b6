import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1764300000000 implements MigrationInterface {
  name = 'CreateAccounts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name varchar(80) NOT NULL CHECK (length(btrim(name)) > 0),
        password_hash text NOT NULL,
        locale varchar(8) NOT NULL,
        time_zone varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX members_email_key ON members (email)`);
    await q.query(`
      CREATE TABLE role_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('member','facilitator','coordinator','moderator','admin')),
        scope varchar(16) NOT NULL CHECK (scope IN ('network','region','hub','organisation')),
        scope_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((scope = 'network') = (scope_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX role_grants_unique ON role_grants (member_id, role, scope, COALESCE(scope_id, '00000000-0000-0000-0000-000000000000'))`);
    await q.query(`CREATE INDEX role_grants_scope ON role_grants (scope, scope_id)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        user_agent varchar(256),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash)`);
    await q.query(`CREATE INDEX sessions_family ON sessions (family_id)`);
    await q.query(`CREATE INDEX sessions_member ON sessions (member_id)`);
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX password_resets_token_hash_key ON password_resets (token_hash)`);
    await q.query(`CREATE INDEX password_resets_member ON password_resets (member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_resets`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE role_grants`);
    await q.query(`DROP TABLE members`);
  }
}
