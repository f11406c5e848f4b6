import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Actor, Ctx, CurrentActor, MemberActor, Public, RequestContext, RequirePermission } from '@anyam/server/core';
import { AccountsLoaderFactory } from '@anyam/server/accounts';
import { CohortType } from './graphql/cohort.type';
import { LearningPersonType, TrainingModuleType } from './graphql/training-module.type';
import { EnrolmentType } from './graphql/enrolment.type';
import { CreateCohortInput } from './graphql/learning.input';
import { LearningRepository } from './learning.repository';
import { LearningLoaderFactory } from './learning.loaders';
import { AuthoringService } from './authoring.service';
import { LearningPolicy } from './learning.policy';
import { LearningError } from './learning.errors';
import { isUuid } from './learning.validation';
import { toCohortType, toEnrolmentType, toModuleType } from './learning.mapper';
import { people } from './module.resolver';

@Resolver(() => CohortType)
export class CohortResolver {
  constructor(
    private readonly repo: LearningRepository,
    private readonly authoring: AuthoringService,
    private readonly loaders: LearningLoaderFactory,
    private readonly accounts: AccountsLoaderFactory,
  ) {}

  @Public()
  @Query(() => [CohortType], { description: 'Cohorts of a module the viewer can see, by start date; otherwise NOT_FOUND.' })
  async cohorts(@Args('moduleId', { type: () => ID }) moduleId: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext): Promise<CohortType[]> {
    if (!isUuid(moduleId)) throw LearningError.moduleNotFound();
    const module = await this.authoring.visibleModule(actor, { id: moduleId });
    ctx.loaders.get(this.loaders).moduleById.prime(moduleId, module);
    const rows = await this.repo.cohortsOf(actor, { moduleIds: [moduleId] });
    return rows.map((c) => toCohortType(c, module, actor));
  }

  @RequirePermission(Permission.FacilitateHub)
  @Query(() => [EnrolmentType], { description: 'Who is in a cohort (enrolled, waitlisted in order, withdrawn, completed) with their progress: the cohort’s facilitators and the module’s editors.' })
  async cohortRoster(@Args('cohortId', { type: () => ID }) cohortId: string, @CurrentActor() actor: MemberActor): Promise<EnrolmentType[]> {
    const cohort = isUuid(cohortId) ? (await this.repo.cohortsOf(actor, { ids: [cohortId] }))[0] : undefined;
    const module = cohort && (await this.repo.module(actor, { id: cohort.cohort.moduleId }));
    if (!cohort || !module) throw LearningError.cohortNotFound();
    LearningPolicy.assertCanManageCohort(actor, module.module, module.facts, cohort.viewerFacilitates);
    const rows = await this.repo.enrolmentsWithProgress({ cohortId });
    const order = { enrolled: 0, completed: 0, waitlisted: 1, withdrawn: 2 } as const;
    return rows
      .sort((a, b) => order[a.enrolment.status] - order[b.enrolment.status] || (a.enrolment.waitlistPosition ?? 0) - (b.enrolment.waitlistPosition ?? 0))
      .map(toEnrolmentType);
  }

  @RequirePermission(Permission.FacilitateHub)
  @Mutation(() => CohortType, { description: 'Schedule a cohort of a module (its editors); the creator facilitates it.' })
  async createCohort(@Args('input') input: CreateCohortInput, @CurrentActor() actor: MemberActor): Promise<CohortType> {
    const id = await this.authoring.createCohort(actor, input);
    const [row] = await this.repo.cohortsOf(actor, { ids: [id] });
    const module = await this.authoring.visibleModule(actor, { id: input.moduleId });
    return toCohortType(row, module, actor);
  }

  @ResolveField(() => TrainingModuleType)
  async module(@Parent() c: CohortType, @Ctx() ctx: RequestContext): Promise<TrainingModuleType> {
    const row = await ctx.loaders.get(this.loaders).moduleById.load(c.moduleId);
    if (!row) throw LearningError.moduleNotFound();
    return toModuleType(row, ctx.actor);
  }

  @ResolveField(() => [LearningPersonType])
  async facilitators(@Parent() c: CohortType, @Ctx() ctx: RequestContext): Promise<LearningPersonType[]> {
    return people(ctx, this.accounts, await ctx.loaders.get(this.loaders).facilitatorIdsByCohortId.load(c.id));
  }
}
