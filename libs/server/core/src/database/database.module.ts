import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { ResolvedDatabase } from './embedded-database.service';
import { DatabaseBootstrapService } from './database-bootstrap.service';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/* eslint-disable @typescript-eslint/no-unsafe-function-type */
export interface DatabaseModuleOptions {
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  database: ResolvedDatabase;
}

export const RESOLVED_DATABASE = Symbol('RESOLVED_DATABASE');

/** Stops an embedded PostgreSQL after everything else (the pool included) has shut down. */
class EmbeddedShutdown implements OnApplicationShutdown {
  constructor(private readonly database: ResolvedDatabase) {}
  async onApplicationShutdown() {
    await this.database.embedded?.stop();
  }
}
/* eslint-enable @typescript-eslint/no-unsafe-function-type */

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres' as const,
            url: options.database.url,
            entities: options.entities,
            migrations: options.migrations,
            synchronize: false,
            migrationsRun: false,
            namingStrategy: new SnakeNamingStrategy(),
            applicationName: 'anyam-api',
            // Keep retrying at start-up only briefly; at run time the pool reconnects by itself.
            retryAttempts: 3,
            retryDelay: 1000,
            extra: { max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
          }),
        }),
      ],
      providers: [
        DatabaseBootstrapService,
        { provide: RESOLVED_DATABASE, useValue: options.database },
        { provide: EmbeddedShutdown, useFactory: () => new EmbeddedShutdown(options.database) },
      ],
      exports: [DatabaseBootstrapService, RESOLVED_DATABASE],
    };
  }
}
