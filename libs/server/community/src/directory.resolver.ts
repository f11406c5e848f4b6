import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Ctx, CurrentActor, MemberActor, Public, RequestContext, RequirePermission, keysetPage } from '@anyam/server/core';
import { AccountsLoaderFactory, MemberRepository } from '@anyam/server/accounts';
import { DirectoryMemberType, InvitationPreviewType, InvitationType, MemberHubRoleType, MemberOrganisationRoleType } from './graphql/hub.type';
import { HubType } from './graphql/hub.type';
import { OrganisationType } from './graphql/organisation.type';
import { DirectoryMemberConnection } from './graphql/connections.type';
import { InviteMemberInput, MemberFilter, SetMemberRoleInput, UpdateMemberProfileInput } from './graphql/membership.input';
import { CommunityRoleEnum } from './community.enums';
import { CommunityRepository } from './community.repository';
import { CommunityLoaderFactory } from './community.loaders';
import { CommunityPolicy } from './community.policy';
import { DirectoryService } from './directory.service';
import { MembershipService } from './membership.service';
import { toDirectoryMemberType, toHubType, toInvitationType, toOrganisationType } from './community.mapper';

@Resolver(() => DirectoryMemberType)
export class DirectoryResolver {
  constructor(
    private readonly directory: DirectoryService,
    private readonly memberships: MembershipService,
    private readonly repo: CommunityRepository,
    private readonly memberRepo: MemberRepository,
    private readonly loaders: CommunityLoaderFactory,
    private readonly accounts: AccountsLoaderFactory,
  ) {}

  @RequirePermission(Permission.ReadCommunity)
  @Query(() => DirectoryMemberConnection, { description: 'The member directory: only members whose setting lets the viewer see them.' })
  async members(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => MemberFilter, nullable: true }) filter?: MemberFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const page = await keysetPage(this.repo.memberQuery(ctx.actor, filter ?? {}), { first, after }, { sort: 'm.name', id: 'm.id' }, (m) => m.name, (m) => m);
    const profiles = await ctx.loaders.get(this.loaders).profileByMemberId.loadMany(page.edges.map((e) => e.node.id));
    return {
      pageInfo: page.pageInfo,
      edges: page.edges.map((e, i) => ({
        cursor: e.cursor,
        node: toDirectoryMemberType(e.node, profiles[i] instanceof Error ? null : (profiles[i] as never), ctx.actor),
      })),
    };
  }

  @RequirePermission(Permission.ReadCommunity)
  @Query(() => DirectoryMemberType, { description: 'A member’s community profile, if their setting lets the viewer see it.' })
  async member(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<DirectoryMemberType> {
    const m = await this.directory.member(ctx.actor, id);
    return toDirectoryMemberType(m, await ctx.loaders.get(this.loaders).profileByMemberId.load(m.id), ctx.actor);
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => DirectoryMemberType, { description: 'Change my community profile and directory visibility.' })
  async updateMemberProfile(@Args('input') input: UpdateMemberProfileInput, @CurrentActor() actor: MemberActor): Promise<DirectoryMemberType> {
    const profile = await this.directory.updateProfile(actor, input);
    const m = (await this.memberRepo.findById(actor.memberId))!;
    return toDirectoryMemberType(m, profile, actor);
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => InvitationType, { description: 'Coordinators invite by e-mail to their hub or organisation (exactly one).' })
  async inviteMember(@Args('input') input: InviteMemberInput, @CurrentActor() actor: MemberActor): Promise<InvitationType> {
    return toInvitationType(await this.memberships.invite(actor, input));
  }

  @Public()
  @Query(() => InvitationPreviewType, { nullable: true, description: 'What an invitation link offers; null for an unknown token.' })
  async invitation(@Args('token') token: string): Promise<InvitationPreviewType | null> {
    const p = await this.memberships.preview(token);
    if (!p) return null;
    return { role: p.invitation.role as unknown as CommunityRoleEnum, targetName: p.targetName, hubSlug: p.hubSlug, organisationSlug: p.organisationSlug, usable: p.usable };
  }

  @RequirePermission(Permission.ManageOwnAccount)
  @Mutation(() => InvitationType, { description: 'Accept an invitation sent to my e-mail address (single use).' })
  async acceptInvitation(@Args('token') token: string, @CurrentActor() actor: MemberActor): Promise<InvitationType> {
    return toInvitationType(await this.memberships.accept(actor, token));
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => InvitationType)
  async revokeInvitation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: MemberActor): Promise<InvitationType> {
    return toInvitationType(await this.memberships.revoke(actor, id));
  }

  @RequirePermission(Permission.CoordinateHub)
  @Mutation(() => DirectoryMemberType, {
    description: 'Set a member’s role in a hub or organisation the viewer coordinates. Returns the member (fields per their visibility).',
  })
  async setMemberRole(@Args('input') input: SetMemberRoleInput, @CurrentActor() actor: MemberActor, @Ctx() ctx: RequestContext): Promise<DirectoryMemberType> {
    await this.memberships.setRole(actor, input);
    const m = (await this.memberRepo.findById(input.memberId))!;
    return toDirectoryMemberType(m, await ctx.loaders.get(this.loaders).profileByMemberId.load(m.id), ctx.actor);
  }

  @ResolveField(() => [MemberHubRoleType], { description: 'Hubs the member belongs to that the viewer may see.' })
  async hubs(@Parent() member: DirectoryMemberType, @Ctx() ctx: RequestContext): Promise<MemberHubRoleType[]> {
    const grants = (await ctx.loaders.get(this.loaders).membershipsByMemberId.load(member.id)).filter((g) => g.scope === 'hub');
    return grants.map((g) => ({ role: g.role as unknown as CommunityRoleEnum, hubId: g.scopeId! }));
  }

  @ResolveField(() => [MemberOrganisationRoleType])
  async organisations(@Parent() member: DirectoryMemberType, @Ctx() ctx: RequestContext): Promise<MemberOrganisationRoleType[]> {
    const grants = (await ctx.loaders.get(this.loaders).membershipsByMemberId.load(member.id)).filter((g) => g.scope === 'organisation');
    return grants.map((g) => ({ role: g.role as unknown as CommunityRoleEnum, organisationId: g.scopeId! }));
  }
}

@Resolver(() => MemberHubRoleType)
export class MemberHubRoleResolver {
  constructor(private readonly loaders: CommunityLoaderFactory) {}

  @ResolveField(() => HubType, { nullable: true, description: 'Null when the viewer may not see the hub.' })
  async hub(@Parent() r: MemberHubRoleType, @Ctx() ctx: RequestContext): Promise<HubType | null> {
    const h = await ctx.loaders.get(this.loaders).hubById.load(r.hubId);
    return h && CommunityPolicy.canSee(ctx.actor, h) ? toHubType(h, ctx.actor) : null;
  }
}

@Resolver(() => MemberOrganisationRoleType)
export class MemberOrganisationRoleResolver {
  constructor(private readonly loaders: CommunityLoaderFactory) {}

  @ResolveField(() => OrganisationType, { nullable: true })
  async organisation(@Parent() r: MemberOrganisationRoleType, @Ctx() ctx: RequestContext): Promise<OrganisationType | null> {
    const o = await ctx.loaders.get(this.loaders).organisationById.load(r.organisationId);
    return o && CommunityPolicy.canSee(ctx.actor, o) ? toOrganisationType(o, ctx.actor) : null;
  }
}

@Resolver(() => InvitationType)
export class InvitationResolver {
  constructor(private readonly loaders: CommunityLoaderFactory) {}

  @ResolveField(() => HubType, { nullable: true })
  async hub(@Parent() i: InvitationType, @Ctx() ctx: RequestContext): Promise<HubType | null> {
    const h = i.hubId ? await ctx.loaders.get(this.loaders).hubById.load(i.hubId) : null;
    return h ? toHubType(h, ctx.actor) : null;
  }

  @ResolveField(() => OrganisationType, { nullable: true })
  async organisation(@Parent() i: InvitationType, @Ctx() ctx: RequestContext): Promise<OrganisationType | null> {
    const o = i.organisationId ? await ctx.loaders.get(this.loaders).organisationById.load(i.organisationId) : null;
    return o ? toOrganisationType(o, ctx.actor) : null;
  }
}

