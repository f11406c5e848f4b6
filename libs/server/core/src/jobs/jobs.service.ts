import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RESOLVED_DATABASE } from '../database/database.module';
import type { ResolvedDatabase } from '../database/embedded-database.service';

/** The PostgreSQL schema pg-boss keeps its queues in (created by the core migration). */
export const JOBS_SCHEMA = 'pgboss';

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

export interface JobQueueOptions {
  /** Attempts after the first failure. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled on each further retry. */
  retryDelaySeconds?: number;
  /** Jobs one worker takes at a time. */
  batchSize?: number;
}

export interface SendJobOptions {
  /** Do not run before this instant. */
  startAfter?: Date;
  /** At most one queued job per key in a queue (pg-boss singletonKey). */
  singletonKey?: string;
  /** Enqueue inside this TypeORM transaction: the job exists only if the transaction commits. */
  manager?: EntityManager;
}

interface Registration {
  handler: JobHandler<never>;
  options: JobQueueOptions;
}

/**
 * Durable background jobs in PostgreSQL (pg-boss): a job enqueued survives restarts, is taken by exactly
 * one worker however many API instances run (SELECT … FOR UPDATE SKIP LOCKED), and is retried with
 * back-off when its handler throws. Domains register their queues in `onModuleInit`; workers start once
 * the whole application has booted and stop gracefully (finishing the jobs in hand) at shutdown.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly registrations = new Map<string, Registration>();
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    private readonly config: AppConfig,
    @Inject(RESOLVED_DATABASE) database: ResolvedDatabase,
  ) {
    this.boss = new PgBoss({
      connectionString: database.url,
      schema: JOBS_SCHEMA,
      application_name: 'anyam-jobs',
      max: 3,
      // Maintenance (expiry, archive) on one instance at a time is pg-boss's own business; keep it light.
      maintenanceIntervalSeconds: 120,
    });
    this.boss.on('error', (error) => this.logger.error(`background jobs: ${error.message}`));
  }

  /** Declare a queue and the function that does its work. Call from a module's `onModuleInit`. */
  register<T extends object>(name: string, handler: JobHandler<T>, options: JobQueueOptions = {}): void {
    if (this.started) throw new Error(`job queue ${name} registered after start`);
    if (this.registrations.has(name)) throw new Error(`job queue ${name} registered twice`);
    this.registrations.set(name, { handler: handler as JobHandler<never>, options });
  }

  /** Enqueue one job. Returns its id, or null when a job with the same singleton key is already queued. */
  async send<T extends object>(name: string, data: T, options: SendJobOptions = {}): Promise<string | null> {
    if (!this.registrations.has(name)) throw new Error(`unknown job queue ${name}`);
    await this.ensureStarted();
    return this.boss.send(name, data, {
      startAfter: options.startAfter,
      singletonKey: options.singletonKey,
      db: options.manager ? transactionDb(options.manager) : undefined,
    });
  }

  /** Cancel queued jobs by id (already finished ones are left as they are). */
  async cancel(name: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ensureStarted();
    await this.boss.cancel(name, ids);
  }

  /** Run a queue on a cron schedule (one schedule per queue name, shared by all instances). */
  async schedule(name: string, cron: string, data: object = {}, timeZone = 'UTC'): Promise<void> {
    await this.ensureStarted();
    await this.boss.schedule(name, cron, data, { tz: timeZone });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureStarted();
    if (!this.config.runJobWorkers) return;
    for (const [name, { handler, options }] of this.registrations) {
      await this.boss.work<object>(
        name,
        { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: this.config.JOBS_POLL_SECONDS },
        async (jobs) => {
          for (const job of jobs) await handler(job.data as never, { id: job.id, name: job.name });
        },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
  }

  private starting?: Promise<void>;
  private ensureStarted(): Promise<void> {
    this.starting ??= (async () => {
      await this.boss.start();
      for (const [name, { options }] of this.registrations) {
        await this.boss.createQueue(name, {
          name,
          retryLimit: options.retryLimit ?? 5,
          retryDelay: options.retryDelaySeconds ?? 30,
          retryBackoff: true,
        });
      }
      this.started = true;
    })();
    return this.starting;
  }
}

/** pg-boss's database hook running its SQL on a TypeORM transaction's connection. */
function transactionDb(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      if (!manager.queryRunner) throw new Error('a job sent with a manager must be sent inside its transaction');
      const result = await manager.queryRunner.query(text, values, true);
      return { rows: result.records ?? [] };
    },
  };
}
