import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { defaultEmbeddedDataDir, EmbeddedPostgres } from './embedded-postgres';

/** Resolves the database URL: DATABASE_URL, or the embedded server (started on first use, stopped at shutdown). */
@Injectable()
export class EmbeddedDatabaseService implements OnApplicationShutdown {
  private readonly logger = new Logger('EmbeddedPostgres');
  private server?: EmbeddedPostgres;
  private url?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  databaseUrl(): Promise<string> {
    if (this.config.DATABASE_URL) return Promise.resolve(this.config.DATABASE_URL);
    this.url ??= (async () => {
      this.server = new EmbeddedPostgres({
        dataDir: defaultEmbeddedDataDir(this.config.home),
        port: this.config.EMBEDDED_PG_PORT,
        database: 'anyam',
        log: (line) => this.logger.log(line),
      });
      return this.server.start();
    })();
    return this.url;
  }

  async onApplicationShutdown() {
    await this.server?.stop();
  }
}
