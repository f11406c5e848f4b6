import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission, Role } from '@anyam/shared/domain';
import { Actor, Ctx, CurrentActor, isMember, MemberActor, Public, RequestContext, RequirePermission, encodeCursor, keysetPage, pageSize } from '@anyam/server/core';
import { AccountsLoaderFactory } from '@anyam/server/accounts';
import { HubJoinRequestType, HubType } from './graphql/hub.type';
import { OrganisationType } from './graphql/organisation.type';
import { AllianceType, RegionType } from './graphql/region.type';
import { ThemeType } from './graphql/theme.type';
import { HubConnection, HubMembershipConnection, OrganisationConnection } from './graphql/connections.type';
import { CreateHubInput, HubFilter, UpdateHubInput } from './graphql/hub.input';
import { CreateOrganisationInput, OrganisationFilter, UpdateOrganisationInput } from './graphql/organisation.input';
import { CommunityRoleEnum, JoinRequestStatusEnum } from './community.enums';
import { CommunityService } from './community.service';
import { MembershipService } from './membership.service';
import { CommunityRepository } from './community.repository';
import { CommunityLoaderFactory } from './community.loaders';
import { CommunityPolicy } from './community.policy';
import { toAllianceType, toDirectoryMemberType, toHubType, toJoinRequestType, toOrganisationType, toRegionType, toThemeType } from './community.mapper';

@Resolver(() => HubType)
export class HubResolver {
  constructor(
    private readonly service: CommunityService,
    private readonly memberships: MembershipService,
    private readonly repo: CommunityRepository,
    private readonly loaders: CommunityLoaderFactory,
    private readonly accounts: AccountsLoaderFactory,
  ) {}

  @Public()
  @Query(() => HubConnection, { description: 'Hubs the viewer may see, by name.' })
  hubs(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => HubFilter, nullable: true }) filter?: HubFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return keysetPage(this.repo.hubQuery(actor, filter ?? {}), { first, after }, { sort: 'h.name', id: 'h.id' }, (h) => h.name, (h) => toHubType(h, actor));
  }

  @Public()
  @Query(() => HubType)
  async hub(@Args('slug') slug: string, @CurrentActor() actor: Actor): Promise<HubType> {
    return toHubType(await this.service.hubBySlug(actor, slug), actor);
  }

  @RequirePermission(Permission.ManageNetwork)
  @Mutation(() => HubType)
  async createHub(@Args('input') input: CreateHubInput, @CurrentActor() actor: Actor): Promise<HubType> {
    return toHubType(await this.service.createHub(actor, input), actor);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => HubType)
  async updateHub(@Args('input') input: UpdateHubInput, @CurrentActor() actor: Actor): Promise<HubType> {
    return toHubType(await this.service.updateHub(actor, input), actor);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => HubType, { description: 'Join an open hub at once, or ask to join a by-request hub.' })
  async joinHub(@Args('hubId', { type: () => ID }) hubId: string, @CurrentActor() actor: MemberActor): Promise<HubType> {
    return toHubType(await this.memberships.joinHub(actor, hubId), actor);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => HubType, { description: 'Leave a hub, or withdraw a pending request to join.' })
  async leaveHub(@Args('hubId', { type: () => ID }) hubId: string, @CurrentActor() actor: MemberActor): Promise<HubType> {
    return toHubType(await this.memberships.leaveHub(actor, hubId), actor);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => HubJoinRequestType, { description: 'A coordinator approves or declines; the requester is told by e-mail.' })
  async decideHubJoinRequest(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('approve') approve: boolean,
    @CurrentActor() actor: MemberActor,
    @Ctx() ctx: RequestContext,
  ): Promise<HubJoinRequestType> {
    const request = await this.memberships.decideJoinRequest(actor, requestId, approve);
    const member = await ctx.loaders.get(this.accounts).memberById.load(request.memberId);
    return toJoinRequestType(request, member ? { id: member.id, name: member.name } : null, actor);
  }

  @ResolveField(() => OrganisationType, { nullable: true, description: 'Null when the host organisation is members-only and the viewer a visitor.' })
  async hostOrganisation(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<OrganisationType | null> {
    const org = await ctx.loaders.get(this.loaders).organisationById.load(hub.hostOrganisationId);
    return org && CommunityPolicy.canSee(ctx.actor, org) ? toOrganisationType(org, ctx.actor) : null;
  }

  @ResolveField(() => RegionType)
  async region(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<RegionType> {
    return toRegionType((await ctx.loaders.get(this.loaders).regionById.load(hub.regionId))!, ctx.actor);
  }

  @ResolveField(() => AllianceType, { nullable: true })
  async alliance(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<AllianceType | null> {
    if (!hub.allianceId) return null;
    const a = await ctx.loaders.get(this.loaders).allianceById.load(hub.allianceId);
    return a ? toAllianceType(a, ctx.actor) : null;
  }

  @ResolveField(() => [ThemeType])
  async themes(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<ThemeType[]> {
    return (await ctx.loaders.get(this.loaders).themesByHubId.load(hub.id)).map(toThemeType);
  }

  @ResolveField(() => [OrganisationType], { description: 'Partner organisations the viewer may see.' })
  async partnerOrganisations(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<OrganisationType[]> {
    return (await ctx.loaders.get(this.loaders).partnersByHubId.load(hub.id)).map((o) => toOrganisationType(o, ctx.actor));
  }

  @ResolveField(() => Boolean)
  async viewerIsMember(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await ctx.loaders.get(this.loaders).viewerHubRole.load(hub.id)) !== null;
  }

  @ResolveField(() => CommunityRoleEnum, { nullable: true, description: 'The viewer’s role in this hub, if any.' })
  async viewerRole(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<Role | null> {
    return ctx.loaders.get(this.loaders).viewerHubRole.load(hub.id);
  }

  @ResolveField(() => JoinRequestStatusEnum, { nullable: true, description: 'Status of the viewer’s latest request to join.' })
  async viewerJoinRequestStatus(@Parent() hub: HubType, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(this.loaders).viewerJoinRequestStatus.load(hub.id);
  }

  @ResolveField(() => Boolean, { description: 'The viewer may join (or ask to join) now.' })
  async viewerCanJoin(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (!isMember(ctx.actor)) return false;
    const l = ctx.loaders.get(this.loaders);
    const [role, status] = await Promise.all([l.viewerHubRole.load(hub.id), l.viewerJoinRequestStatus.load(hub.id)]);
    return CommunityPolicy.canJoinHub(ctx.actor, hub, { isMember: role !== null, hasPendingRequest: status === 'pending' });
  }

  @ResolveField(() => HubMembershipConnection, {
    nullable: true,
    description: 'Members of the hub the viewer may see under each member’s directory setting; null for visitors.',
  })
  async members(
    @Parent() hub: HubType,
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    if (!isMember(ctx.actor)) return null;
    const size = pageSize(first);
    const l = ctx.loaders.get(this.loaders);
    const rows = await l.hubMembers.load({ hubId: hub.id, limit: size + 1, after: after ?? null });
    const page = rows.slice(0, size);
    const profiles = await l.profileByMemberId.loadMany(page.map((r) => r.id));
    const members = await ctx.loaders.get(this.accounts).memberById.loadMany(page.map((r) => r.id));
    const edges = page.map((r, i) => {
      const m = members[i] instanceof Error || !members[i] ? { id: r.id, name: r.name, timeZone: '' } : (members[i] as { id: string; name: string; timeZone: string });
      const p = profiles[i] instanceof Error ? null : (profiles[i] as never);
      return { cursor: encodeCursor([r.name, r.id]), node: { role: r.role as unknown as CommunityRoleEnum, hubId: hub.id, member: toDirectoryMemberType(m, p, ctx.actor) } };
    });
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @ResolveField(() => [HubJoinRequestType], { nullable: true, description: 'Pending requests; only for the hub’s coordinators.' })
  async joinRequests(@Parent() hub: HubType, @Ctx() ctx: RequestContext): Promise<HubJoinRequestType[] | null> {
    if (!CommunityPolicy.canCoordinateHub(ctx.actor, hub)) return null;
    const requests = await this.memberships.pendingRequests(hub.id);
    const members = await ctx.loaders.get(this.accounts).memberById.loadMany(requests.map((r) => r.memberId));
    return requests.map((r, i) => {
      const m = members[i];
      return toJoinRequestType(r, m && !(m instanceof Error) ? { id: m.id, name: m.name } : null, ctx.actor);
    });
  }
}

@Resolver(() => OrganisationType)
export class OrganisationResolver {
  constructor(
    private readonly service: CommunityService,
    private readonly repo: CommunityRepository,
    private readonly loaders: CommunityLoaderFactory,
  ) {}

  @Public()
  @Query(() => OrganisationConnection)
  organisations(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => OrganisationFilter, nullable: true }) filter?: OrganisationFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return keysetPage(this.repo.organisationQuery(actor, filter ?? {}), { first, after }, { sort: 'o.name', id: 'o.id' }, (o) => o.name, (o) => toOrganisationType(o, actor));
  }

  @Public()
  @Query(() => OrganisationType)
  async organisation(@Args('slug') slug: string, @CurrentActor() actor: Actor): Promise<OrganisationType> {
    return toOrganisationType(await this.service.organisationBySlug(actor, slug), actor);
  }

  @RequirePermission(Permission.ManageNetwork)
  @Mutation(() => OrganisationType)
  async createOrganisation(@Args('input') input: CreateOrganisationInput, @CurrentActor() actor: Actor): Promise<OrganisationType> {
    return toOrganisationType(await this.service.createOrganisation(actor, input), actor);
  }

  @RequirePermission(Permission.CoordinateOrganisation)
  @Mutation(() => OrganisationType)
  async updateOrganisation(@Args('input') input: UpdateOrganisationInput, @CurrentActor() actor: Actor): Promise<OrganisationType> {
    return toOrganisationType(await this.service.updateOrganisation(actor, input), actor);
  }

  @ResolveField(() => [ThemeType])
  async themes(@Parent() org: OrganisationType, @Ctx() ctx: RequestContext): Promise<ThemeType[]> {
    return (await ctx.loaders.get(this.loaders).themesByOrganisationId.load(org.id)).map(toThemeType);
  }

  @ResolveField(() => [HubType], { description: 'Hubs this organisation hosts.' })
  async hubs(@Parent() org: OrganisationType, @Ctx() ctx: RequestContext): Promise<HubType[]> {
    return (await ctx.loaders.get(this.loaders).hubsByHostId.load(org.id)).map((h) => toHubType(h, ctx.actor));
  }

  @ResolveField(() => CommunityRoleEnum, { nullable: true })
  async viewerRole(@Parent() org: OrganisationType, @Ctx() ctx: RequestContext): Promise<Role | null> {
    return ctx.loaders.get(this.loaders).viewerOrganisationRole.load(org.id);
  }
}

