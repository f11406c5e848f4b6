import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Actor, Ctx, CurrentActor, isMember, MemberActor, Public, PUB_SUB, PubSubEngine, RequestContext, RequirePermission } from '@anyam/server/core';
import { AccountsLoaderFactory } from '@anyam/server/accounts';
import { PostType } from './graphql/post.type';
import { ForumAuthorType, ThreadType } from './graphql/thread.type';
import { CreatePostInput, EditPostInput } from './graphql/post.input';
import { ForumService, PostAddedEvent, postAddedTopic, PostInThread } from './forum.service';
import { ForumLoaderFactory } from './forum.loaders';
import { toPostType, toThreadType } from './forum.mapper';
import { ThreadEntity } from './entities/thread.entity';
import { PostRevisionType } from './graphql/post.type';
import { ReactionKindEnum } from './forum.enums';
import { ForumPolicy } from './forum.policy';

const toType = (found: PostInThread, actor: Actor) => toPostType(found.post, found.thread, found.access, actor);

/**
 * What the delivery-time check read for one subscriber and post, so `resolve` does not read it again.
 * Keyed by the subscription's context object; entries go when the post has been resolved.
 */
const deliveries = new WeakMap<RequestContext, Map<string, PostInThread | null>>();

@Resolver(() => PostType)
export class PostResolver {
  constructor(
    private readonly service: ForumService,
    private readonly loaders: ForumLoaderFactory,
    private readonly accounts: AccountsLoaderFactory,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => PostType, {
    description: 'Reply in a thread. One post per 10 s per member (RATE_LIMITED with the wait); the same clientMutationId returns the first post.',
  })
  async createPost(@Args('input') input: CreatePostInput, @CurrentActor() actor: MemberActor): Promise<PostType> {
    return toType(await this.service.createPost(actor, input), actor);
  }

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => PostType, { description: 'The author or a moderator edits a post; the previous body is kept in its history.' })
  async editPost(@Args('input') input: EditPostInput, @CurrentActor() actor: MemberActor): Promise<PostType> {
    return toType(await this.service.editPost(actor, input), actor);
  }

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => PostType, { description: 'The author or a moderator removes a post; it stays as a "removed" placeholder.' })
  async deletePost(@Args('postId', { type: () => ID }) postId: string, @CurrentActor() actor: MemberActor): Promise<PostType> {
    return toType(await this.service.deletePost(actor, postId), actor);
  }

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => PostType, { description: 'The thread’s author or a moderator marks a reply as the accepted answer.' })
  async acceptAnswer(@Args('postId', { type: () => ID }) postId: string, @CurrentActor() actor: MemberActor): Promise<PostType> {
    return toType(await this.service.acceptAnswer(actor, postId), actor);
  }

  @Public()
  @Subscription(() => PostType, {
    description: 'New posts in a thread the viewer can read. Checked again for each post at delivery time.',
    filter: async function (this: PostResolver, payload: PostAddedEvent, _args: unknown, ctx: RequestContext) {
      // Same read rule as the queries, from the database now (the viewer may have been removed from the group).
      const found = await this.service.postForSubscriber(ctx.actor, payload.postId);
      if (!deliveries.has(ctx)) deliveries.set(ctx, new Map());
      deliveries.get(ctx)!.set(payload.postId, found);
      return found !== null;
    },
    resolve: async function (this: PostResolver, payload: PostAddedEvent, _args: unknown, ctx: RequestContext) {
      const pending = deliveries.get(ctx);
      const found = pending?.has(payload.postId) ? pending.get(payload.postId)! : await this.service.postForSubscriber(ctx.actor, payload.postId);
      pending?.delete(payload.postId);
      return found ? toType(found, ctx.actor) : null;
    },
  })
  async postAdded(@Args('threadId', { type: () => ID }) threadId: string, @CurrentActor() actor: Actor) {
    await this.service.thread(actor, threadId); // NOT_FOUND for a thread the viewer cannot read
    return this.pubSub.asyncIterableIterator(postAddedTopic(threadId));
  }

  @ResolveField(() => ForumAuthorType, { nullable: true, description: 'Null for a removed post.' })
  async author(@Parent() post: PostType, @Ctx() ctx: RequestContext): Promise<ForumAuthorType | null> {
    if (!post.authorId) return null;
    const m = await ctx.loaders.get(this.accounts).memberById.load(post.authorId);
    return m ? { id: m.id, name: m.name, handle: m.handle } : null;
  }

  @ResolveField(() => [ReactionKindEnum], { description: 'The kinds of reaction the viewer gave this post (empty for visitors).' })
  async viewerReactions(@Parent() post: PostType, @Ctx() ctx: RequestContext): Promise<ReactionKindEnum[]> {
    return (await ctx.loaders.get(this.loaders).viewerReactionsByPostId.load(post.id)) as ReactionKindEnum[];
  }

  @ResolveField(() => PostType, { nullable: true, description: 'The quoted post (same thread).' })
  async quotePost(@Parent() post: PostType, @Ctx() ctx: RequestContext): Promise<PostType | null> {
    if (!post.quotePostId) return null;
    const quoted = await ctx.loaders.get(this.loaders).postById.load(post.quotePostId);
    if (!quoted || quoted.threadId !== post.threadId) return null;
    // A held or rejected post is shown only to its author (and held ones to moderators), quoted or not.
    const own = isMember(ctx.actor) && quoted.authorId === ctx.actor.memberId;
    if (quoted.status !== 'visible' && !own && !(quoted.status === 'held' && ForumPolicy.canModerateGroup(ctx.actor, post.access.group, post.access.viewer))) return null;
    return toPostType(quoted, post.thread, post.access, ctx.actor);
  }

  @ResolveField(() => ThreadType)
  async thread(@Parent() post: PostType, @Ctx() ctx: RequestContext): Promise<ThreadType> {
    // Mutations and subscriptions carry the thread row they just read (a WebSocket's loaders live as
    // long as the subscription, so their cache would go stale); lists load it.
    const thread = post.thread instanceof ThreadEntity ? post.thread : (await ctx.loaders.get(this.loaders).threadById.load(post.threadId))!;
    return toThreadType(thread, post.access, ctx.actor);
  }

  @ResolveField(() => [PostRevisionType], { description: 'Edit history, oldest first: who edited, when, and the body before the edit. Empty for a removed post.' })
  async revisions(@Parent() post: PostType, @Ctx() ctx: RequestContext): Promise<PostRevisionType[]> {
    if (post.removed) return [];
    const rows = await ctx.loaders.get(this.loaders).revisionsByPostId.load(post.id);
    const members = ctx.loaders.get(this.accounts).memberById;
    return Promise.all(
      rows.map(async (r) => {
        const m = await members.load(r.editorId);
        return { editor: m ? { id: m.id, name: m.name, handle: m.handle } : null, editedAt: r.createdAt, previousBodyMarkdown: r.previousBodyMarkdown };
      }),
    );
  }
}
