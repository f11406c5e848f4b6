import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';

export interface RateLimitRule {
  /** Unique name of the counter, e.g. "sign-in:ip". */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Counters for rate limits: in memory for one instance, in Redis when REDIS_URL is set so that limits
 * hold across instances. `consume` throws RATE_LIMITED with the wait when the limit is reached.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly redis?: Redis;

  constructor(config: AppConfig) {
    if (config.REDIS_URL) this.redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  }

  private limiter(rule: RateLimitRule): RateLimiterAbstract {
    let limiter = this.limiters.get(rule.name);
    if (!limiter) {
      const opts = { keyPrefix: `anyam:rl:${rule.name}`, points: rule.points, duration: rule.durationSeconds };
      limiter = this.redis
        ? new RateLimiterRedis({ ...opts, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(opts) })
        : new RateLimiterMemory(opts);
      this.limiters.set(rule.name, limiter);
    }
    return limiter;
  }

  async consume(rule: RateLimitRule, key: string): Promise<void> {
    try {
      await this.limiter(rule).consume(key.toLowerCase());
    } catch (e) {
      if (e instanceof RateLimiterRes) throw AppError.rateLimited(e.msBeforeNext / 1000);
      throw e;
    }
  }

  /** Throws RATE_LIMITED if the key has no points left, without using one (for counting failures only). */
  async check(rule: RateLimitRule, key: string): Promise<void> {
    const res = await this.limiter(rule).get(key.toLowerCase());
    if (res && res.remainingPoints <= 0) throw AppError.rateLimited(res.msBeforeNext / 1000);
  }

  /** Forget a key's count (e.g. after a successful sign-in). */
  async reset(rule: RateLimitRule, key: string): Promise<void> {
    await this.limiter(rule).delete(key.toLowerCase());
  }

  onModuleDestroy() {
    this.redis?.disconnect();
  }
}
