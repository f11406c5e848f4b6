import { AppConfig } from '../config/app-config';
import { defaultEmbeddedDataDir, EmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  /** The embedded server, when we run one; stopped when the app shuts down. */
  embedded?: EmbeddedPostgres;
}

/**
 * DATABASE_URL, or the embedded server under ANYAM_HOME/pg (started, or reused after a crash).
 * Runs before Nest starts, so a failure is one clear line rather than a framework stack trace.
 */
export async function resolveDatabase(config: AppConfig): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const verbose = ['info', 'debug', 'trace'].includes(config.LOG_LEVEL);
  const embedded = new EmbeddedPostgres({
    dataDir: defaultEmbeddedDataDir(config.home),
    port: config.EMBEDDED_PG_PORT,
    database: 'anyam',
    log: (line) => verbose && console.log(`[embedded-postgres] ${line}`),
  });
  return { url: await embedded.start(), embedded };
}
