import { Args, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DraftType } from './graphql/moderation.type';
import { Permission } from '@anyam/shared/domain';
import { Actor, Ctx, isMember, CurrentActor, MemberActor, Public, RequestContext, RequirePermission, decodeCursor, encodeCursor, pageSize } from '@anyam/server/core';
import { AccountsLoaderFactory } from '@anyam/server/accounts';
import { ThreadType, ForumAuthorType } from './graphql/thread.type';
import { GroupType } from './graphql/group.type';
import { PostConnection, ThreadConnection } from './graphql/connections.type';
import { CreateThreadInput } from './graphql/thread.input';
import { ThreadSortEnum } from './forum.enums';
import { ForumRepository } from './forum.repository';
import { ForumService } from './forum.service';
import { ForumLoaderFactory } from './forum.loaders';
import { ForumError } from './forum.errors';
import { ForumPolicy } from './forum.policy';
import { toGroupType, toPostType, toThreadType } from './forum.mapper';
import { threadListFilter } from './forum-filters';
import { ThreadFilter } from './graphql/thread.input';

@Resolver(() => ThreadType)
export class ThreadResolver {
  constructor(
    private readonly service: ForumService,
    private readonly repo: ForumRepository,
    private readonly loaders: ForumLoaderFactory,
    private readonly accounts: AccountsLoaderFactory,
  ) {}

  @Public()
  @Query(() => ThreadConnection, { description: 'Live threads of a group, pinned first. A group the viewer cannot read is NOT_FOUND.' })
  async threads(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('sort', { type: () => ThreadSortEnum, nullable: true }) sort?: ThreadSortEnum,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('filter', { type: () => ThreadFilter, nullable: true }) filter?: ThreadFilter,
  ): Promise<ThreadConnection> {
    const conditions = threadListFilter(filter, actor);
    const size = pageSize(first);
    const order = sort ?? ThreadSortEnum.LATEST_ACTIVITY;
    const cursor = after ? decodeCursor(after, 3) : null;
    const validValue = (v: unknown) => (order === ThreadSortEnum.TOP ? /^-?\d{1,9}$/.test(String(v)) : !Number.isNaN(Date.parse(String(v))));
    if (cursor && (typeof cursor[0] !== 'number' || !validValue(cursor[1]))) decodeCursor('', 3);
    const access = await this.repo.readableGroup(actor, { id: groupId });
    if (!access) throw ForumError.groupNotFound();
    ctx.loaders.get(this.loaders).groupAccessById.prime(groupId, access);
    const rows = await this.repo.threadsPage(groupId, order, size + 1, cursor ? [cursor[0] === 1, String(cursor[1]), String(cursor[2])] : null, {
      memberId: isMember(actor) ? actor.memberId : null,
      moderator: ForumPolicy.canModerateGroup(actor, access.group, access.viewer),
    }, conditions);
    const edges = rows.slice(0, size).map(({ thread, cursorValue }) => ({
      cursor: encodeCursor([thread.pinned ? 1 : 0, cursorValue, thread.id]),
      node: toThreadType(thread, access, actor),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Public()
  @Query(() => ThreadType, { description: 'A thread the viewer can read; otherwise NOT_FOUND.' })
  async thread(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext): Promise<ThreadType> {
    const { thread, access } = await this.service.thread(actor, id);
    ctx.loaders.get(this.loaders).groupAccessById.prime(access.group.id, access);
    return toThreadType(thread, access, actor);
  }

  @RequirePermission(Permission.PostInForum)
  @Mutation(() => ThreadType, { description: 'Start a thread; the body becomes its opening post. One post per 10 s per member.' })
  async createThread(@Args('input') input: CreateThreadInput, @CurrentActor() actor: MemberActor): Promise<ThreadType> {
    const { thread, access } = await this.service.createThread(actor, input);
    return toThreadType(thread, access, actor);
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => ThreadType, { description: 'Moderators pin or unpin a thread (pinned threads list first).' })
  async pinThread(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('pinned', { type: () => Boolean, nullable: true, defaultValue: true }) pinned: boolean,
    @CurrentActor() actor: MemberActor,
  ): Promise<ThreadType> {
    const { thread, access } = await this.service.setThreadFlag(actor, threadId, 'pinned', pinned);
    return toThreadType(thread, access, actor);
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => ThreadType, { description: 'Moderators lock or unlock a thread (a locked thread takes no replies).' })
  async lockThread(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('locked', { type: () => Boolean, nullable: true, defaultValue: true }) locked: boolean,
    @CurrentActor() actor: MemberActor,
  ): Promise<ThreadType> {
    const { thread, access } = await this.service.setThreadFlag(actor, threadId, 'locked', locked);
    return toThreadType(thread, access, actor);
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => ThreadType, { description: 'Move a thread to another group; the actor moderates both. Both groups’ thread counts follow.' })
  async moveThread(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('groupId', { type: () => ID }) groupId: string,
    @CurrentActor() actor: MemberActor,
  ): Promise<ThreadType> {
    const { thread, access } = await this.service.moveThread(actor, threadId, groupId);
    return toThreadType(thread, access, actor);
  }

  @ResolveField(() => GroupType)
  async group(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<GroupType> {
    return toGroupType(thread.access, ctx.actor);
  }

  @ResolveField(() => ForumAuthorType, { nullable: true })
  async author(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<ForumAuthorType | null> {
    const m = await ctx.loaders.get(this.accounts).memberById.load(thread.authorId);
    return m ? { id: m.id, name: m.name, handle: m.handle } : null;
  }

  @ResolveField(() => ForumAuthorType, { nullable: true })
  async lastPoster(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<ForumAuthorType | null> {
    if (!thread.lastPosterId) return null;
    const m = await ctx.loaders.get(this.accounts).memberById.load(thread.lastPosterId);
    return m ? { id: m.id, name: m.name, handle: m.handle } : null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Published posts after the viewer’s read position (all of them if never opened); null for visitors.' })
  async unreadCount(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<number | null> {
    const state = await ctx.loaders.get(this.loaders).viewerThreadState.load(thread.id);
    return state ? state.unreadCount : null;
  }

  @ResolveField(() => ID, { nullable: true, description: 'The last post the viewer has read (markThreadRead); null if never opened.' })
  async lastReadPostId(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.loaders.get(this.loaders).viewerThreadState.load(thread.id))?.lastReadPostId ?? null;
  }

  @ResolveField(() => GraphQLISODateTime, { nullable: true, description: 'When the viewer last read further in this thread (their last visit).' })
  async lastReadAt(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return (await ctx.loaders.get(this.loaders).viewerThreadState.load(thread.id))?.readAt ?? null;
  }

  @ResolveField(() => Boolean, { description: 'There are posts the viewer has not read since their last visit (always false for visitors).' })
  async newSinceLastVisit(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ((await ctx.loaders.get(this.loaders).viewerThreadState.load(thread.id))?.unreadCount ?? 0) > 0;
  }

  @ResolveField(() => Boolean, { description: 'The viewer watches this thread.' })
  async viewerWatching(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await ctx.loaders.get(this.loaders).viewerThreadState.load(thread.id))?.watching ?? false;
  }

  @ResolveField(() => DraftType, { nullable: true, description: 'The viewer’s saved reply draft (saveDraft); cleared when they post.' })
  async draft(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<DraftType | null> {
    return (await ctx.loaders.get(this.loaders).viewerThreadState.load(thread.id))?.draft ?? null;
  }

  @ResolveField(() => [String], { description: 'Theme keys.' })
  async themes(@Parent() thread: ThreadType, @Ctx() ctx: RequestContext): Promise<string[]> {
    return ctx.loaders.get(this.loaders).themeKeysByThreadId.load(thread.id);
  }

  @ResolveField(() => PostConnection, { description: 'Posts in order, removed ones as placeholders.' })
  async posts(
    @Parent() thread: ThreadType,
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<PostConnection> {
    const size = pageSize(first);
    const afterNumber = after ? decodeCursor(after, 1)[0] : null;
    if (afterNumber !== null && !Number.isInteger(afterNumber)) decodeCursor('', 1);
    const loaders = ctx.loaders.get(this.loaders);
    const rows = await loaders.postsPage.load({ threadId: thread.id, limit: size + 1, afterNumber: afterNumber as number | null, moderator: thread.viewerCanModerate });
    const edges = rows.slice(0, size).map((p) => ({ cursor: encodeCursor([p.postNumber]), node: toPostType(p, thread, thread.access, ctx.actor) }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
