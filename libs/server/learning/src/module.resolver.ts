import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Actor, Ctx, CurrentActor, decodeCursor, encodeCursor, MemberActor, pageSize, Public, RequestContext, RequirePermission } from '@anyam/server/core';
import { AccountsLoaderFactory } from '@anyam/server/accounts';
import { LearningHubType, LearningPersonType, TrainingModuleConnection, TrainingModuleType } from './graphql/training-module.type';
import { LessonType } from './graphql/lesson.type';
import { CohortType } from './graphql/cohort.type';
import { EnrolmentType } from './graphql/enrolment.type';
import { CreateTrainingModuleInput, TrainingModuleFilter, UpdateTrainingModuleInput } from './graphql/learning.input';
import { LearningRepository, ModuleRow } from './learning.repository';
import { LearningLoaderFactory } from './learning.loaders';
import { AuthoringService } from './authoring.service';
import { accessOf, toCohortType, toEnrolmentType, toLessonType, toModuleType } from './learning.mapper';
import { LearningError } from './learning.errors';

export async function people(ctx: RequestContext, accounts: AccountsLoaderFactory, ids: string[]): Promise<LearningPersonType[]> {
  const members = await ctx.loaders.get(accounts).memberById.loadMany(ids);
  return members.filter((m): m is NonNullable<typeof m> & { id: string; name: string } => !!m && !(m instanceof Error)).map((m) => ({ id: m.id, name: m.name }));
}

@Resolver(() => TrainingModuleType)
export class ModuleResolver {
  constructor(
    private readonly repo: LearningRepository,
    private readonly authoring: AuthoringService,
    private readonly loaders: LearningLoaderFactory,
    private readonly accounts: AccountsLoaderFactory,
  ) {}

  @Public()
  @Query(() => TrainingModuleConnection, { description: 'The catalogue: published modules the viewer can see (drafts with status DRAFT, for their editors), by title.' })
  async trainingModules(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => TrainingModuleFilter, nullable: true }) filter?: TrainingModuleFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<TrainingModuleConnection> {
    const size = pageSize(first);
    const cursor = after ? decodeCursor(after, 2) : null;
    if (filter?.search && filter.search.length > 200) throw LearningError.tooLong('filter.search', 200);
    const rows = await this.repo.modules(actor, { filter: filter ?? {} }, { limit: size + 1, after: cursor ? [String(cursor[0]), String(cursor[1])] : null });
    const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor([row.module.title, row.module.id]), node: toModuleType(row, actor) }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Public()
  @Query(() => TrainingModuleType, { description: 'A module the viewer can see, by slug; otherwise NOT_FOUND.' })
  async trainingModule(@Args('slug') slug: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext): Promise<TrainingModuleType> {
    const row = await this.authoring.visibleModule(actor, { slug });
    ctx.loaders.get(this.loaders).moduleById.prime(row.module.id, row);
    return toModuleType(row, actor);
  }

  @RequirePermission(Permission.FacilitateHub)
  @Mutation(() => TrainingModuleType, { description: 'A draft module for a hub: its facilitators and coordinators, and admins. The creator is an author.' })
  async createTrainingModule(@Args('input') input: CreateTrainingModuleInput, @CurrentActor() actor: MemberActor): Promise<TrainingModuleType> {
    return toModuleType(await this.authoring.createModule(actor, input), actor);
  }

  @RequirePermission(Permission.FacilitateHub)
  @Mutation(() => TrainingModuleType, { description: 'Change a module (given fields only); lists given replace the old ones.' })
  async updateTrainingModule(@Args('input') input: UpdateTrainingModuleInput, @CurrentActor() actor: MemberActor): Promise<TrainingModuleType> {
    return toModuleType(await this.authoring.updateModule(actor, input), actor);
  }

  @RequirePermission(Permission.FacilitateHub)
  @Mutation(() => TrainingModuleType, { description: 'Publish a module with at least one lesson; the first time opens its discussion thread in the hub’s forum group.' })
  async publishTrainingModule(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: MemberActor): Promise<TrainingModuleType> {
    return toModuleType(await this.authoring.publishModule(actor, id), actor);
  }

  @ResolveField(() => LearningHubType)
  hub(@Parent() m: TrainingModuleType): LearningHubType {
    return { id: m.hubId, name: m.facts.hubName, slug: m.facts.hubSlug };
  }

  @ResolveField(() => [String], { description: 'Theme keys.' })
  async themes(@Parent() m: TrainingModuleType, @Ctx() ctx: RequestContext): Promise<string[]> {
    return ctx.loaders.get(this.loaders).themesByModuleId.load(m.id);
  }

  @ResolveField(() => [LearningPersonType])
  async authors(@Parent() m: TrainingModuleType, @Ctx() ctx: RequestContext): Promise<LearningPersonType[]> {
    return people(ctx, this.accounts, await ctx.loaders.get(this.loaders).authorIdsByModuleId.load(m.id));
  }

  @ResolveField(() => [TrainingModuleType], { description: 'Modules to complete first (those the viewer can see); each says viewerCompleted.' })
  async prerequisites(@Parent() m: TrainingModuleType, @Ctx() ctx: RequestContext): Promise<TrainingModuleType[]> {
    const loaders = ctx.loaders.get(this.loaders);
    const rows = await loaders.moduleById.loadMany(await loaders.prerequisiteIdsByModuleId.load(m.id));
    return rows.filter((r): r is ModuleRow => !!r && !(r instanceof Error)).map((r) => toModuleType(r, ctx.actor));
  }

  @ResolveField(() => Boolean, { description: 'The viewer holds this module’s certificate.' })
  viewerCompleted(@Parent() m: TrainingModuleType): boolean {
    return m.facts.viewerCompleted;
  }

  @ResolveField(() => Boolean, { description: 'The viewer has completed every prerequisite.' })
  async viewerPrerequisitesMet(@Parent() m: TrainingModuleType, @Ctx() ctx: RequestContext): Promise<boolean> {
    const loaders = ctx.loaders.get(this.loaders);
    const ids = await loaders.prerequisiteIdsByModuleId.load(m.id);
    if (!ids.length) return true;
    const rows = await loaders.moduleById.loadMany(ids);
    return rows.every((r) => !!r && !(r instanceof Error) && r.facts.viewerCompleted);
  }

  @ResolveField(() => [LessonType], { description: 'In order. Content only for viewers who may read it.' })
  async lessons(@Parent() m: TrainingModuleType, @Ctx() ctx: RequestContext): Promise<LessonType[]> {
    const loaders = ctx.loaders.get(this.loaders);
    const lessons = await loaders.lessonsByModuleId.load(m.id);
    return lessons.map((l) => toLessonType(l, accessOf(m), ctx.actor));
  }

  @ResolveField(() => [CohortType], { description: 'By start date.' })
  async cohorts(@Parent() m: TrainingModuleType, @Ctx() ctx: RequestContext): Promise<CohortType[]> {
    const cohorts = await ctx.loaders.get(this.loaders).cohortsByModuleId.load(m.id);
    return cohorts.map((c) => toCohortType(c, accessOf(m), ctx.actor));
  }

  @ResolveField(() => EnrolmentType, { nullable: true, description: 'The viewer’s live enrolment (enrolled, waitlisted or completed).' })
  async viewerEnrolment(@Parent() m: TrainingModuleType, @Ctx() ctx: RequestContext): Promise<EnrolmentType | null> {
    const e = await ctx.loaders.get(this.loaders).viewerEnrolmentByModuleId.load(m.id);
    return e ? toEnrolmentType(e) : null;
  }
}
