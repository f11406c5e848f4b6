import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members get a handle for @mentions: unique, lower-case letters, digits and underscores (2–30), derived
 * from the name (accents folded, other runs of characters become "_", a number appended when taken) by
 * a BEFORE INSERT trigger, so every writer (sign-up, demo data, tests) gets one. Existing members are
 * backfilled in order of arrival.
 */
export class MemberHandle1764300000010 implements MigrationInterface {
  name = 'MemberHandle1764300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION member_handle_base(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN length(b) >= 2 THEN b ELSE 'member' END
          FROM (SELECT btrim(left(btrim(regexp_replace(lower(translate(name,
                  'ÁÀÂÃÄÅĀáàâãäåāÉÈÊËĒéèêëēÍÌÎÏĪíìîïīÓÒÔÕÖØŌóòôõöøōÚÙÛÜŪúùûüūÇçÑñÝýÿ',
                  'AAAAAAAaaaaaaaEEEEEeeeeeIIIIIiiiiiOOOOOOOoooooooUUUUUuuuuuCcNnYyy')), '[^a-z0-9]+', '_', 'g'), '_'), 24), '_') AS b) x
      $$`);
    await q.query(`
      CREATE FUNCTION member_unique_handle(name text, member uuid) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        base text := member_handle_base(name);
        candidate text := base;
        n integer := 1;
      BEGIN
        -- Two sign-ups with the same name wait for each other instead of colliding on the unique index.
        PERFORM pg_advisory_xact_lock(hashtext('member_handle:' || base));
        WHILE EXISTS (SELECT 1 FROM members WHERE handle = candidate AND id <> member) LOOP
          n := n + 1;
          candidate := base || n;
        END LOOP;
        RETURN candidate;
      END $$`);
    await q.query(`ALTER TABLE members ADD COLUMN handle varchar(30) CHECK (handle ~ '^[a-z0-9_]{2,30}$')`);
    const rows: { id: string }[] = await q.query(`SELECT id FROM members ORDER BY created_at, id`);
    for (const { id } of rows) await q.query(`UPDATE members SET handle = member_unique_handle(name, id) WHERE id = $1`, [id]);
    await q.query(`ALTER TABLE members ALTER COLUMN handle SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX members_handle_key ON members (handle)`);
    await q.query(`
      CREATE FUNCTION members_set_handle() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.handle IS NULL THEN NEW.handle := member_unique_handle(NEW.name, NEW.id); END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER members_handle BEFORE INSERT ON members FOR EACH ROW EXECUTE FUNCTION members_set_handle()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER members_handle ON members`);
    await q.query(`DROP FUNCTION members_set_handle()`);
    await q.query(`ALTER TABLE members DROP COLUMN handle`);
    await q.query(`DROP FUNCTION member_unique_handle(text, uuid)`);
    await q.query(`DROP FUNCTION member_handle_base(text)`);
  }
}
