import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Actor, Ctx, CurrentActor, Public, RequestContext, RequirePermission } from '@anyam/server/core';
import { AllianceType, RegionType } from './graphql/region.type';
import { ThemeType } from './graphql/theme.type';
import { HubType } from './graphql/hub.type';
import { CreateAllianceInput, CreateRegionInput } from './graphql/structure.input';
import { CommunityService } from './community.service';
import { CommunityRepository } from './community.repository';
import { CommunityLoaderFactory } from './community.loaders';
import { toAllianceType, toHubType, toRegionType, toThemeType } from './community.mapper';

@Resolver(() => RegionType)
export class RegionResolver {
  constructor(
    private readonly service: CommunityService,
    private readonly repo: CommunityRepository,
    private readonly loaders: CommunityLoaderFactory,
  ) {}

  @Public()
  @Query(() => [RegionType])
  async regions(@CurrentActor() actor: Actor): Promise<RegionType[]> {
    return (await this.repo.regions.find({ order: { name: 'ASC', id: 'ASC' } })).map((r) => toRegionType(r, actor));
  }

  @Public()
  @Query(() => RegionType)
  async region(@Args('slug') slug: string, @CurrentActor() actor: Actor): Promise<RegionType> {
    return toRegionType(await this.service.regionBySlug(slug), actor);
  }

  @RequirePermission(Permission.ManageNetwork)
  @Mutation(() => RegionType)
  async createRegion(@Args('input') input: CreateRegionInput, @CurrentActor() actor: Actor): Promise<RegionType> {
    return toRegionType(await this.service.createRegion(actor, input), actor);
  }

  @ResolveField(() => [AllianceType])
  async alliances(@Parent() region: RegionType, @Ctx() ctx: RequestContext): Promise<AllianceType[]> {
    return (await ctx.loaders.get(this.loaders).alliancesByRegionId.load(region.id)).map((a) => toAllianceType(a, ctx.actor));
  }

  @ResolveField(() => [HubType], { description: 'Hubs of the region the viewer may see.' })
  async hubs(@Parent() region: RegionType, @Ctx() ctx: RequestContext): Promise<HubType[]> {
    return (await ctx.loaders.get(this.loaders).hubsByRegionId.load(region.id)).map((h) => toHubType(h, ctx.actor));
  }
}

@Resolver(() => AllianceType)
export class AllianceResolver {
  constructor(
    private readonly service: CommunityService,
    private readonly repo: CommunityRepository,
    private readonly loaders: CommunityLoaderFactory,
  ) {}

  @Public()
  @Query(() => [AllianceType])
  async alliances(@CurrentActor() actor: Actor): Promise<AllianceType[]> {
    return (await this.repo.alliances.find({ order: { name: 'ASC', id: 'ASC' } })).map((a) => toAllianceType(a, actor));
  }

  @Public()
  @Query(() => AllianceType)
  async alliance(@Args('slug') slug: string, @CurrentActor() actor: Actor): Promise<AllianceType> {
    return toAllianceType(await this.service.allianceBySlug(slug), actor);
  }

  @RequirePermission(Permission.ManageNetwork)
  @Mutation(() => AllianceType)
  async createAlliance(@Args('input') input: CreateAllianceInput, @CurrentActor() actor: Actor): Promise<AllianceType> {
    return toAllianceType(await this.service.createAlliance(actor, input), actor);
  }

  @ResolveField(() => RegionType)
  async region(@Parent() alliance: AllianceType, @Ctx() ctx: RequestContext): Promise<RegionType> {
    return toRegionType((await ctx.loaders.get(this.loaders).regionById.load(alliance.regionId))!, ctx.actor);
  }

  @ResolveField(() => [HubType], { description: 'Hubs of the alliance the viewer may see.' })
  async hubs(@Parent() alliance: AllianceType, @Ctx() ctx: RequestContext): Promise<HubType[]> {
    return (await ctx.loaders.get(this.loaders).hubsByAllianceId.load(alliance.id)).map((h) => toHubType(h, ctx.actor));
  }
}

@Resolver(() => ThemeType)
export class ThemeResolver {
  constructor(private readonly repo: CommunityRepository) {}

  @Public()
  @Query(() => [ThemeType], { description: 'The three themes and their sub-themes (parents first).' })
  async themes(): Promise<ThemeType[]> {
    const rows = await this.repo.themes.createQueryBuilder('t').orderBy('t.parent_key', 'ASC', 'NULLS FIRST').addOrderBy('t.position').getMany();
    return rows.map(toThemeType);
  }

  @ResolveField(() => String, { description: 'Name in the given language (en, id, es, pt; default en).' })
  name(@Parent() theme: ThemeType, @Args('locale', { type: () => String, nullable: true }) locale?: string): string {
    return theme.names[(locale ?? 'en') as keyof ThemeType['names']] ?? theme.names.en;
  }
}

