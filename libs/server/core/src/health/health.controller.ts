import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { PUB_SUB, PubSubEngine } from '../pubsub/pubsub.provider';
import { HEALTH_LIVE_PATH, HEALTH_READY_PATH } from './health.constants';

type RedisLike = { ping(): Promise<string> };

@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(PUB_SUB) private readonly pubSub?: PubSubEngine,
  ) {}

  /** The process is up and serving. */
  @Public()
  @Get(HEALTH_LIVE_PATH)
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** Ready for traffic: PostgreSQL answers (and Redis, when configured). */
  @Public()
  @Get(HEALTH_READY_PATH)
  async ready() {
    const checks: Record<string, 'up' | 'down'> = {};
    checks.database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const redis = (this.pubSub as { getPublisher?: () => RedisLike } | undefined)?.getPublisher?.();
    if (redis) {
      checks.redis = await Promise.race([
        redis.ping().then(() => 'up' as const),
        new Promise<'down'>((r) => setTimeout(() => r('down'), 1000)),
      ]).catch(() => 'down' as const);
    }
    const ok = Object.values(checks).every((c) => c === 'up');
    if (!ok) throw new HttpException({ status: 'unavailable', checks }, HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'ok', checks };
  }
}
