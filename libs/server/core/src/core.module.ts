import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule, DatabaseModuleOptions } from './database/database.module';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './auth/access.guard';
import { AuthenticateMiddleware } from './auth/authenticate.middleware';
import { TokenService } from './auth/token.service';
import { graphqlOptions } from './graphql/graphql.options';
import { HealthController } from './health/health.controller';
import { HEALTH_LIVE_PATH, HEALTH_READY_PATH } from './health/health.constants';
import { JobsService } from './jobs/jobs.service';
import { MailService } from './mail/mail.service';
import { pubSubProvider, PubSubShutdown, PUB_SUB } from './pubsub/pubsub.provider';
import { RateLimitService } from './rate-limit/rate-limit.service';

export type CoreModuleOptions = DatabaseModuleOptions & { config: AppConfig };

/** Everything a domain module stands on: config, logging, database, auth, GraphQL, mail, pub/sub, rate limits. */
@Global()
@Module({})
export class CoreModule implements NestModule {
  static forRoot({ config, ...database }: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => [HEALTH_LIVE_PATH, HEALTH_READY_PATH].includes(req.url ?? '') },
            ...(config.NODE_ENV === 'development' && process.stdout.isTTY
              ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
              : {}),
          },
        }),
        DatabaseModule.forRoot(database),
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AppConfig, TokenService],
          useFactory: graphqlOptions,
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }, JobsService, MailService, RateLimitService, pubSubProvider, PubSubShutdown],
      exports: [JobsService, MailService, RateLimitService, PUB_SUB],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(AuthenticateMiddleware).forRoutes('*path');
  }
}
