import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { EmbeddedDatabaseService } from './embedded-database.service';
import { DatabaseBootstrapService } from './database-bootstrap.service';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/* eslint-disable @typescript-eslint/no-unsafe-function-type */
export interface DatabaseModuleOptions {
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
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
          extraProviders: [EmbeddedDatabaseService],
          inject: [EmbeddedDatabaseService],
          useFactory: async (embedded: EmbeddedDatabaseService) => ({
            type: 'postgres' as const,
            url: await embedded.databaseUrl(),
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
      providers: [EmbeddedDatabaseService, DatabaseBootstrapService],
      exports: [DatabaseBootstrapService],
    };
  }
}
