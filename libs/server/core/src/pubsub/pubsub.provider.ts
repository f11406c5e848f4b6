import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

export const PUB_SUB = Symbol('PUB_SUB');
export type { PubSubEngine };

/** In-process without REDIS_URL; through Redis with it, so any number of API instances share events. */
export const pubSubProvider: Provider = {
  provide: PUB_SUB,
  inject: [AppConfig],
  useFactory: (config: AppConfig): PubSubEngine => {
    if (!config.REDIS_URL) return new PubSub();
    const options = { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 200, 5000) };
    return new RedisPubSub({
      publisher: new Redis(config.REDIS_URL, options),
      subscriber: new Redis(config.REDIS_URL, options),
    });
  },
};

/** Closes the Redis connections of the pub/sub engine when the app shuts down. */
@Injectable()
export class PubSubShutdown implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onApplicationShutdown() {
    if (this.pubSub instanceof RedisPubSub) await this.pubSub.close().catch(() => undefined);
  }
}
