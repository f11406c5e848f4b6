import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Ctx, CurrentActor, MemberActor, RequestContext, RequirePermission, decodeCursor, encodeCursor, pageSize } from '@anyam/server/core';
import { AccountsLoaderFactory } from '@anyam/server/accounts';
import { PostType } from './graphql/post.type';
import { ForumAuthorType, ThreadType } from './graphql/thread.type';
import { FlagStatusEnum, FlagType, ModerationItemConnection, ModerationItemKindEnum, ModerationItemType } from './graphql/moderation.type';
import { FlagResolutionEnum } from './forum.enums';
import { ModerationService } from './moderation.service';
import { ForumLoaderFactory } from './forum.loaders';
import { toPostType, toThreadType } from './forum.mapper';
import { ForumError } from './forum.errors';
import { ForumPolicy } from './forum.policy';

@Resolver(() => ModerationItemType)
export class ModerationResolver {
  constructor(
    private readonly service: ModerationService,
    private readonly loaders: ForumLoaderFactory,
  ) {}

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => FlagType, { description: 'Report someone else’s post to the group’s moderators, with a reason (one open flag per member and post).' })
  async flagPost(@Args('postId', { type: () => ID }) postId: string, @Args('reason') reason: string, @CurrentActor() actor: MemberActor): Promise<FlagType> {
    const row = await this.service.flagPost(actor, postId, reason);
    return { ...row, status: row.status as FlagStatusEnum, reporter: null };
  }

  @RequirePermission(Permission.ModerateForum)
  @Query(() => ModerationItemConnection, { description: 'Posts with open flags and posts held for approval in a group, oldest first: its moderators only.' })
  async moderationQueue(
    @CurrentActor() actor: MemberActor,
    @Ctx() ctx: RequestContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ModerationItemConnection> {
    const size = pageSize(first);
    const cursor = after ? decodeCursor(after, 3) : null;
    if (cursor && (Number.isNaN(Date.parse(String(cursor[0]))) || !['held', 'flagged'].includes(String(cursor[2])))) decodeCursor('', 3);
    const { access, rows } = await this.service.queue(actor, groupId, size + 1, cursor ? [String(cursor[0]), String(cursor[1]), String(cursor[2])] : null);
    ctx.loaders.get(this.loaders).groupAccessById.prime(groupId, access);
    const edges = rows.slice(0, size).map((r) => ({
      cursor: encodeCursor([r.since, r.postId, r.kind]),
      node: { kind: r.kind as ModerationItemKindEnum, since: new Date(r.since), postId: r.postId, threadId: r.threadId, groupId },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => PostType, { description: 'Resolve a flag (and every other open flag on the same post): HIDE the post or DISMISS the flags.' })
  async resolveFlag(
    @Args('flagId', { type: () => ID }) flagId: string,
    @Args('resolution', { type: () => FlagResolutionEnum }) resolution: FlagResolutionEnum,
    @CurrentActor() actor: MemberActor,
  ): Promise<PostType> {
    const f = await this.service.resolveFlag(actor, flagId, resolution);
    return toPostType(f.post, f.thread, f.access, actor);
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => PostType, { description: 'Hide a post: readers see a placeholder; moderators still see it and may restore it.' })
  async hidePost(@Args('postId', { type: () => ID }) postId: string, @CurrentActor() actor: MemberActor): Promise<PostType> {
    const f = await this.service.setHidden(actor, postId, true);
    return toPostType(f.post, f.thread, f.access, actor);
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => PostType, { description: 'Restore a hidden post.' })
  async restorePost(@Args('postId', { type: () => ID }) postId: string, @CurrentActor() actor: MemberActor): Promise<PostType> {
    const f = await this.service.setHidden(actor, postId, false);
    return toPostType(f.post, f.thread, f.access, actor);
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => PostType, { description: 'Publish a post held for approval (and its thread, for an opening post).' })
  async approvePost(@Args('postId', { type: () => ID }) postId: string, @CurrentActor() actor: MemberActor): Promise<PostType> {
    const f = await this.service.review(actor, postId, true);
    return toPostType(f.post, f.thread, f.access, actor);
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => PostType, { description: 'Decline a post held for approval: only its author still sees it (a declined opening post removes its thread).' })
  async rejectPost(@Args('postId', { type: () => ID }) postId: string, @CurrentActor() actor: MemberActor): Promise<PostType> {
    const f = await this.service.review(actor, postId, false);
    return toPostType(f.post, f.thread, f.access, actor);
  }

  @ResolveField(() => PostType)
  async post(@Parent() item: ModerationItemType, @Ctx() ctx: RequestContext): Promise<PostType> {
    const loaders = ctx.loaders.get(this.loaders);
    const [post, thread, access] = await Promise.all([
      loaders.postById.load(item.postId),
      loaders.threadById.load(item.threadId),
      loaders.groupAccessById.load(item.groupId),
    ]);
    if (!post || !thread || !access) throw ForumError.postNotFound();
    return toPostType(post, thread, access, ctx.actor);
  }

  @ResolveField(() => ThreadType)
  async thread(@Parent() item: ModerationItemType, @Ctx() ctx: RequestContext): Promise<ThreadType> {
    const loaders = ctx.loaders.get(this.loaders);
    const [thread, access] = await Promise.all([loaders.threadById.load(item.threadId), loaders.groupAccessById.load(item.groupId)]);
    if (!thread || !access) throw ForumError.threadNotFound();
    return toThreadType(thread, access, ctx.actor);
  }

  @ResolveField(() => [FlagType], { description: 'Open flags on the post, oldest first (empty for a held post without flags).' })
  async flags(@Parent() item: ModerationItemType, @Ctx() ctx: RequestContext): Promise<FlagType[]> {
    const rows = await ctx.loaders.get(this.loaders).openFlagsByPostId.load(item.postId);
    return rows.map((r) => ({ ...r, status: r.status as FlagStatusEnum, reporter: null }));
  }
}

@Resolver(() => FlagType)
export class FlagResolver {
  constructor(
    private readonly loaders: ForumLoaderFactory,
    private readonly accounts: AccountsLoaderFactory,
  ) {}

  @ResolveField(() => ForumAuthorType, { nullable: true, description: 'Who flagged it: only the group’s moderators see this (null otherwise).' })
  async reporter(@Parent() flag: FlagType, @Ctx() ctx: RequestContext): Promise<ForumAuthorType | null> {
    const loaders = ctx.loaders.get(this.loaders);
    const post = await loaders.postById.load(flag.postId);
    const thread = post && (await loaders.threadById.load(post.threadId));
    const access = thread && (await loaders.groupAccessById.load(thread.groupId));
    if (!access || !ForumPolicy.canModerateGroup(ctx.actor, access.group, access.viewer)) return null;
    const m = await ctx.loaders.get(this.accounts).memberById.load(flag.reporterId);
    return m ? { id: m.id, name: m.name, handle: m.handle } : null;
  }
}
