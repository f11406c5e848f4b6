import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Actor, Ctx, CurrentActor, MemberActor, Public, RequestContext, RequirePermission, decodeCursor, encodeCursor, pageSize } from '@anyam/server/core';
import { GroupType } from './graphql/group.type';
import { GroupConnection } from './graphql/connections.type';
import { CreateGroupInput, GroupFilter, UpdateGroupInput } from './graphql/group.input';
import { ForumRepository } from './forum.repository';
import { ForumService } from './forum.service';
import { ForumLoaderFactory } from './forum.loaders';
import { toGroupType } from './forum.mapper';

@Resolver(() => GroupType)
export class GroupResolver {
  constructor(
    private readonly service: ForumService,
    private readonly repo: ForumRepository,
    private readonly loaders: ForumLoaderFactory,
  ) {}

  @Public()
  @Query(() => GroupConnection, { description: 'Groups the viewer can read, by name.' })
  async groups(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => GroupFilter, nullable: true }) filter?: GroupFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<GroupConnection> {
    const size = pageSize(first);
    const cursor = after ? (decodeCursor(after, 2) as [string, string]) : null;
    const rows = await this.repo.readableGroups(actor, filter ?? {}, { limit: size + 1, after: cursor });
    const loaders = ctx.loaders.get(this.loaders);
    const edges = rows.slice(0, size).map((a) => {
      loaders.groupAccessById.prime(a.group.id, a);
      return { cursor: encodeCursor([a.group.name, a.group.id]), node: toGroupType(a, actor) };
    });
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Public()
  @Query(() => GroupType, { description: 'One group by id or slug. A group the viewer cannot read is NOT_FOUND.' })
  async group(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { type: () => String, nullable: true }) slug?: string,
  ): Promise<GroupType> {
    return toGroupType(await this.service.group(actor, { id, slug }), actor);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => GroupType, { description: 'Network admins create any group; hub coordinators create groups of their hub.' })
  async createGroup(@Args('input') input: CreateGroupInput, @CurrentActor() actor: MemberActor): Promise<GroupType> {
    return toGroupType(await this.service.createGroup(actor, input), actor);
  }

  @RequirePermission(Permission.ModerateForum)
  @Mutation(() => GroupType, {
    description: 'The group’s moderators (network admins and moderators, its hub’s or region’s coordinators and moderators, its own) change its settings; omitted fields stay.',
  })
  async updateGroup(@Args('input') input: UpdateGroupInput, @CurrentActor() actor: MemberActor): Promise<GroupType> {
    return toGroupType(await this.service.updateGroup(actor, input), actor);
  }

  @ResolveField(() => Boolean, { description: 'The viewer watches this group (new threads and posts are notified).' })
  async viewerWatching(@Parent() group: GroupType, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.loaders.get(this.loaders).viewerWatchesGroup.load(group.id);
  }
}
