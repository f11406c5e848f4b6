import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Ctx, CurrentActor, MemberActor, Public, RequestContext, RequirePermission } from '@anyam/server/core';
import { AccountsLoaderFactory } from '@anyam/server/accounts';
import {
  CertificateType,
  CompleteLessonPayload,
  EnrolmentType,
  QuizAttemptType,
  SyncProgressPayload,
} from './graphql/enrolment.type';
import { CohortType } from './graphql/cohort.type';
import { LearningPersonType, TrainingModuleType } from './graphql/training-module.type';
import { CompleteLessonInput, EnrolInput, ProgressUpdateInput, SubmitQuizInput } from './graphql/learning.input';
import { EnrolmentStatusEnum } from './learning.enums';
import { LearningRepository } from './learning.repository';
import { LearningLoaderFactory } from './learning.loaders';
import { LearnerService } from './learner.service';
import { LearningError } from './learning.errors';
import { toCertificateType, toCohortType, toEnrolmentType, toModuleType, toProgressType } from './learning.mapper';

@Resolver(() => EnrolmentType)
export class EnrolmentResolver {
  constructor(
    private readonly repo: LearningRepository,
    private readonly learner: LearnerService,
    private readonly loaders: LearningLoaderFactory,
    private readonly accounts: AccountsLoaderFactory,
  ) {}

  @RequirePermission(Permission.EnrolInModules)
  @Query(() => [EnrolmentType], {
    description: 'The viewer’s enrolments (default: all but withdrawn), newest first, with progress — a constant number of SQL statements however many there are.',
  })
  async myEnrolments(
    @CurrentActor() actor: MemberActor,
    @Args('status', { type: () => EnrolmentStatusEnum, nullable: true }) status?: EnrolmentStatusEnum,
  ): Promise<EnrolmentType[]> {
    const rows = await this.repo.enrolmentsWithProgress({
      memberId: actor.memberId,
      statuses: status ? [status] : ['enrolled', 'waitlisted', 'completed'],
    });
    return rows.map(toEnrolmentType);
  }

  @Public()
  @Query(() => CertificateType, { name: 'certificate', description: 'Public verification: the member’s name, module, hub and date only. Unknown code: NOT_FOUND.' })
  async certificateByCode(@Args('code') code: string): Promise<CertificateType> {
    const normalised = code.trim().toUpperCase();
    const [row] = /^[0-9A-Z]{8,32}$/.test(normalised) ? await this.repo.certificatesOf({ code: normalised }) : [];
    if (!row) throw LearningError.certificateNotFound();
    return toCertificateType(row);
  }

  @RequirePermission(Permission.EnrolInModules)
  @Mutation(() => EnrolmentType, {
    description: 'Enrol in a module (self-paced) or a cohort once prerequisites are met; a full cohort puts you on its waitlist. Asking again answers the same enrolment.',
  })
  async enrol(@Args('input') input: EnrolInput, @CurrentActor() actor: MemberActor): Promise<EnrolmentType> {
    return toEnrolmentType(await this.learner.enrol(actor, input));
  }

  @RequirePermission(Permission.EnrolInModules)
  @Mutation(() => EnrolmentType, { description: 'Leave a module or cohort (or its waitlist); a freed seat goes to the first on the waitlist.' })
  async withdraw(@Args('enrolmentId', { type: () => ID }) enrolmentId: string, @CurrentActor() actor: MemberActor): Promise<EnrolmentType> {
    return toEnrolmentType(await this.learner.withdraw(actor, enrolmentId));
  }

  @RequirePermission(Permission.EnrolInModules)
  @Mutation(() => CompleteLessonPayload, { description: 'Mark a lesson complete (idempotent; the earliest device time is kept). The last one completes the module and issues the certificate.' })
  async completeLesson(@Args('input') input: CompleteLessonInput, @CurrentActor() actor: MemberActor): Promise<CompleteLessonPayload> {
    const { progress, enrolment } = await this.learner.completeLesson(actor, input);
    return { progress: toProgressType(progress), enrolment: toEnrolmentType(enrolment) };
  }

  @RequirePermission(Permission.EnrolInModules)
  @Mutation(() => QuizAttemptType, { description: 'Submit answers; graded on the server. Feedback comes only in the result.' })
  async submitQuiz(@Args('input') input: SubmitQuizInput, @CurrentActor() actor: MemberActor): Promise<QuizAttemptType> {
    const r = await this.learner.submitQuiz(actor, input);
    return { ...r, enrolment: toEnrolmentType(r.enrolment) };
  }

  @RequirePermission(Permission.EnrolInModules)
  @Mutation(() => SyncProgressPayload, { description: 'Apply progress made offline (at most 200 updates), in device-time order; repeats change nothing.' })
  async syncProgress(
    @Args('input', { type: () => [ProgressUpdateInput] }) input: ProgressUpdateInput[],
    @CurrentActor() actor: MemberActor,
  ): Promise<SyncProgressPayload> {
    const r = await this.learner.syncProgress(
      actor,
      input.map((u) => ({ lessonId: u.lessonId, state: u.state, at: u.at })),
    );
    return { applied: r.applied, skippedLessonIds: r.skippedLessonIds, progress: r.progress.map(toProgressType), enrolments: r.enrolments.map(toEnrolmentType) };
  }

  @ResolveField(() => TrainingModuleType)
  async module(@Parent() e: EnrolmentType, @Ctx() ctx: RequestContext): Promise<TrainingModuleType> {
    const row = await ctx.loaders.get(this.loaders).moduleById.load(e.moduleId);
    if (!row) throw LearningError.moduleNotFound();
    return toModuleType(row, ctx.actor);
  }

  @ResolveField(() => CohortType, { nullable: true })
  async cohort(@Parent() e: EnrolmentType, @Ctx() ctx: RequestContext): Promise<CohortType | null> {
    if (!e.cohortId) return null;
    const loaders = ctx.loaders.get(this.loaders);
    const [row, module] = await Promise.all([loaders.cohortById.load(e.cohortId), loaders.moduleById.load(e.moduleId)]);
    return row && module ? toCohortType(row, module, ctx.actor) : null;
  }

  @ResolveField(() => LearningPersonType)
  async member(@Parent() e: EnrolmentType, @Ctx() ctx: RequestContext): Promise<LearningPersonType> {
    const m = await ctx.loaders.get(this.accounts).memberById.load(e.memberId);
    return { id: e.memberId, name: m?.name ?? '' };
  }

  @ResolveField(() => CertificateType, { nullable: true })
  async certificate(@Parent() e: EnrolmentType, @Ctx() ctx: RequestContext): Promise<CertificateType | null> {
    if (e.status !== EnrolmentStatusEnum.COMPLETED) return null;
    const c = await ctx.loaders.get(this.loaders).certificateByEnrolmentId.load(e.id);
    return c ? toCertificateType(c) : null;
  }
}
