import { Inject } from '@nestjs/common';
import { Args, Field, ID, ObjectType, registerEnumType, Resolver, Subscription } from '@nestjs/graphql';
import { Actor, CurrentActor, Public, PUB_SUB, PubSubEngine, RequestContext } from '@anyam/server/core';
import { ThreadType } from './graphql/thread.type';
import { PostType } from './graphql/post.type';
import { ForumService, GroupActivityEvent, groupActivityTopic } from './forum.service';
import { ForumRepository } from './forum.repository';
import { toPostType, toThreadType } from './forum.mapper';

export enum GroupActivityKindEnum {
  THREAD_CREATED = 'THREAD_CREATED',
  POST_ADDED = 'POST_ADDED',
  THREAD_MOVED = 'THREAD_MOVED',
  THREAD_LOCKED = 'THREAD_LOCKED',
  THREAD_UNLOCKED = 'THREAD_UNLOCKED',
}
registerEnumType(GroupActivityKindEnum, {
  name: 'GroupActivityKind',
  description: 'THREAD_MOVED is sent to both the group the thread left and the one it joined.',
});

@ObjectType('GroupActivity', { description: 'Something happened in a group the viewer reads.' })
export class GroupActivityType {
  @Field(() => GroupActivityKindEnum)
  kind: GroupActivityKindEnum;

  @Field(() => ID)
  groupId: string;

  @Field(() => ID)
  threadId: string;

  @Field(() => ThreadType, { nullable: true, description: 'Null only when a thread moved to a group the viewer cannot read.' })
  thread: ThreadType | null;

  @Field(() => PostType, { nullable: true, description: 'The new post (THREAD_CREATED: the opening post; POST_ADDED: the reply).' })
  post: PostType | null;
}

/** What the delivery-time check built for one subscriber and event, so `resolve` does not read it again. */
const deliveries = new WeakMap<RequestContext, Map<GroupActivityEvent, GroupActivityType | null>>();

@Resolver(() => GroupActivityType)
export class GroupActivityResolver {
  constructor(
    private readonly service: ForumService,
    private readonly repo: ForumRepository,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /** A fresh read (no per-connection cache) of the event as this subscriber may see it, or null. */
  private async build(actor: Actor, e: GroupActivityEvent): Promise<GroupActivityType | null> {
    // The subscriber still reads the group (they may have been removed from it since subscribing).
    if (!(await this.repo.readableGroup(actor, { id: e.groupId }))) return null;
    const found = await this.repo.readableThread(actor, e.threadId);
    if (!found && e.kind !== 'THREAD_MOVED') return null;
    let post: PostType | null = null;
    if (e.postId && found) {
      const p = await this.service.postForSubscriber(actor, e.postId);
      if (!p) return null;
      post = toPostType(p.post, p.thread, p.access, actor);
    }
    return {
      kind: e.kind as GroupActivityKindEnum,
      groupId: e.groupId,
      threadId: e.threadId,
      thread: found ? toThreadType(found.thread, found.access, actor) : null,
      post,
    };
  }

  @Public()
  @Subscription(() => GroupActivityType, {
    description: 'New threads and posts, moved and (un)locked threads in a group the viewer can read; checked again for each event at delivery time.',
    filter: async function (this: GroupActivityResolver, payload: GroupActivityEvent, _args: unknown, ctx: RequestContext) {
      const built = await this.build(ctx.actor, payload);
      if (!built) return false;
      if (!deliveries.has(ctx)) deliveries.set(ctx, new Map());
      deliveries.get(ctx)!.set(payload, built);
      return true;
    },
    resolve: async function (this: GroupActivityResolver, payload: GroupActivityEvent, _args: unknown, ctx: RequestContext) {
      const pending = deliveries.get(ctx);
      const built = pending?.has(payload) ? pending.get(payload)! : await this.build(ctx.actor, payload);
      pending?.delete(payload);
      return built;
    },
  })
  async groupActivity(@Args('groupId', { type: () => ID }) groupId: string, @CurrentActor() actor: Actor) {
    await this.service.group(actor, { id: groupId }); // NOT_FOUND for a group the viewer cannot read
    return this.pubSub.asyncIterableIterator(groupActivityTopic(groupId));
  }
}
