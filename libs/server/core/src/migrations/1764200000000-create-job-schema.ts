import type { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';
import { JOBS_SCHEMA } from '../jobs/jobs.service';

/**
 * The pg-boss schema, created with the other tables so a fresh database (and every test database copied
 * from the migrated template) starts with it. Later pg-boss versions migrate their own schema at start.
 */
export class CreateJobSchema1764200000000 implements MigrationInterface {
  name = 'CreateJobSchema1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // pg-boss wraps its plan in BEGIN … COMMIT; the migration already runs in a transaction of its own.
    const plan = PgBoss.getConstructionPlans(JOBS_SCHEMA)
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '');
    await queryRunner.query(plan);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA IF EXISTS ${JOBS_SCHEMA} CASCADE`);
  }
}
