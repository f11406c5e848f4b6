import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { JobsService, loadConfig } from '@anyam/server/core';
import { adminQuery, randomDatabaseName, withDatabase } from '../support/test-database';

/** pg-boss through the app's JobsService, on a database copied from the migrated template. */
describe('background jobs', () => {
  const serverUrl = process.env.ANYAM_IT_SERVER_URL!;
  let databaseUrl: string;
  const running: JobsService[] = [];

  beforeAll(async () => {
    const name = randomDatabaseName(process.env.ANYAM_IT_RUN!);
    await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${process.env.ANYAM_IT_TEMPLATE}"`);
    databaseUrl = withDatabase(serverUrl, name);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((jobs) => jobs.onApplicationShutdown()));
  });

  function instance(env: Record<string, string> = {}) {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, JOBS_POLL_SECONDS: '0.5', ...env });
    const jobs = new JobsService(config, { url: databaseUrl } as never);
    running.push(jobs);
    return jobs;
  }

  it('runs a job once its time comes, in the schema the migrations created', async () => {
    const jobs = instance();
    const seen: string[] = [];
    jobs.register<{ word: string }>('test-echo', async ({ word }) => void seen.push(word));
    await jobs.onApplicationBootstrap();
    await jobs.send('test-echo', { word: 'tepat' }, { startAfter: new Date(Date.now() + 300) });
    for (let i = 0; i < 40 && seen.length === 0; i++) await sleep(100);
    expect(seen).toEqual(['tepat']);
  });

  it('keeps a job across a restart and hands it to exactly one of two instances', async () => {
    const producer = instance({ JOBS_WORKERS: 'false' });
    producer.register('test-once', async () => undefined);
    await producer.onApplicationBootstrap();
    const id = await producer.send('test-once', { n: 1 });
    expect(id).toEqual(expect.any(String));
    await producer.onApplicationShutdown();

    const handled: string[] = [];
    for (const label of ['a', 'b']) {
      const worker = instance();
      worker.register('test-once', async () => void handled.push(label));
      await worker.onApplicationBootstrap();
    }
    for (let i = 0; i < 40 && handled.length === 0; i++) await sleep(100);
    await sleep(1500); // two more polling rounds of both workers: nobody takes it a second time
    expect(handled).toHaveLength(1);
  });

  it('enqueues inside a transaction: a rolled-back transaction leaves no job', async () => {
    const jobs = instance({ JOBS_WORKERS: 'false' });
    jobs.register('test-tx', async () => undefined);
    await jobs.onApplicationBootstrap();
    const db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
    try {
      let rolledBack: string | null = null;
      await db
        .transaction(async (manager) => {
          rolledBack = await jobs.send('test-tx', { keep: false }, { manager });
          throw new Error('undo');
        })
        .catch(() => undefined);
      const committed = await db.transaction((manager) => jobs.send('test-tx', { keep: true }, { manager }));
      const rows: { id: string }[] = await db.query(`SELECT id FROM pgboss.job WHERE name = 'test-tx'`);
      expect(rows.map((r) => r.id)).toEqual([committed]);
      expect(rolledBack).toEqual(expect.any(String));
    } finally {
      await db.destroy();
    }
  });

  it('refuses a job for a queue nobody declared', async () => {
    const jobs = instance();
    await expect(jobs.send('nobody-listens', {})).rejects.toThrow('unknown job queue');
  });
});
