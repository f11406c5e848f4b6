import type { Actor } from '../auth/actor';

/** A domain's set of DataLoaders, made fresh for each request (so caches never cross requests or actors). */
export interface LoaderFactory<T> {
  createLoaders(actor: Actor): T;
}

/**
 * The per-request DataLoader registry in the GraphQL context. Domains ask for their loaders by passing
 * their (injected) factory: `ctx.loaders.get(this.accountsLoaders).memberById.load(id)`.
 */
export class RequestLoaders {
  private readonly created = new Map<LoaderFactory<unknown>, unknown>();
  private clearScheduled = false;

  /**
   * @param shortLived for a WebSocket operation, which lives as long as its subscription: loaders (and
   *   their caches) are dropped after each turn of the event loop, so every delivered event reads fresh
   *   rows while loads made in the same tick are still batched.
   */
  constructor(
    private readonly actor: Actor,
    private readonly shortLived = false,
  ) {}

  get<T>(factory: LoaderFactory<T>): T {
    let loaders = this.created.get(factory) as T | undefined;
    if (loaders === undefined) {
      loaders = factory.createLoaders(this.actor);
      this.created.set(factory, loaders);
      if (this.shortLived && !this.clearScheduled) {
        this.clearScheduled = true;
        setImmediate(() => {
          this.created.clear();
          this.clearScheduled = false;
        });
      }
    }
    return loaders;
  }
}
