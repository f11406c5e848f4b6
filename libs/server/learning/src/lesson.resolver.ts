import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@anyam/shared/domain';
import { Actor, Ctx, CurrentActor, MemberActor, Public, RequestContext, RequirePermission } from '@anyam/server/core';
import { TrainingModuleType } from './graphql/training-module.type';
import {
  LessonProgressType,
  LessonResourceType,
  LessonType,
  QuizQuestionKeyType,
  QuizType,
} from './graphql/lesson.type';
import { AddLessonInput, UpdateLessonInput } from './graphql/learning.input';
import { LearningLoaderFactory } from './learning.loaders';
import { AuthoringService } from './authoring.service';
import { ResourceService } from './resource.service';
import { toLessonType, toModuleType, toProgressType } from './learning.mapper';
import { LearningError } from './learning.errors';
import { QuestionKindEnum } from './learning.enums';

@Resolver(() => LessonType)
export class LessonResolver {
  constructor(
    private readonly authoring: AuthoringService,
    private readonly resourceService: ResourceService,
    private readonly loaders: LearningLoaderFactory,
  ) {}

  @Public()
  @Query(() => LessonType, { description: 'A lesson of a module the viewer can see (content only when they may read it); otherwise NOT_FOUND.' })
  async lesson(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext): Promise<LessonType> {
    const { lesson, module } = await this.authoring.lesson(actor, id);
    ctx.loaders.get(this.loaders).moduleById.prime(module.module.id, module);
    return toLessonType(lesson, module, actor);
  }

  @RequirePermission(Permission.FacilitateHub)
  @Mutation(() => LessonType, { description: 'Add a lesson (Markdown, sanitised on the server) at the end of a module, with an optional quiz.' })
  async addLesson(@Args('input') input: AddLessonInput, @CurrentActor() actor: MemberActor): Promise<LessonType> {
    const { lesson, module } = await this.authoring.addLesson(actor, input);
    return toLessonType(lesson, module, actor);
  }

  @RequirePermission(Permission.FacilitateHub)
  @Mutation(() => LessonType, { description: 'Change a lesson (given fields only); a quiz given replaces the old one.' })
  async updateLesson(@Args('input') input: UpdateLessonInput, @CurrentActor() actor: MemberActor): Promise<LessonType> {
    const { lesson, module } = await this.authoring.updateLesson(actor, input);
    return toLessonType(lesson, module, actor);
  }

  @RequirePermission(Permission.FacilitateHub)
  @Mutation(() => TrainingModuleType, { description: 'Put a module’s lessons in a new order: list every lesson id once.' })
  async reorderLessons(
    @Args('moduleId', { type: () => ID }) moduleId: string,
    @Args('lessonIds', { type: () => [ID] }) lessonIds: string[],
    @CurrentActor() actor: MemberActor,
  ): Promise<TrainingModuleType> {
    return toModuleType(await this.authoring.reorderLessons(actor, moduleId, lessonIds), actor);
  }

  @RequirePermission(Permission.FacilitateHub)
  @Mutation(() => LessonType, { description: 'Remove a downloadable file from a lesson (the module’s editors).' })
  async deleteLessonResource(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: MemberActor): Promise<LessonType> {
    const lessonId = await this.resourceService.delete(actor, id);
    const { lesson, module } = await this.authoring.lesson(actor, lessonId);
    return toLessonType(lesson, module, actor);
  }

  @ResolveField(() => TrainingModuleType)
  async module(@Parent() l: LessonType, @Ctx() ctx: RequestContext): Promise<TrainingModuleType> {
    const row = await ctx.loaders.get(this.loaders).moduleById.load(l.moduleId);
    if (!row) throw LearningError.moduleNotFound();
    return toModuleType(row, ctx.actor);
  }

  @ResolveField(() => ID, { nullable: true })
  async previousLessonId(@Parent() l: LessonType, @Ctx() ctx: RequestContext): Promise<string | null> {
    const lessons = await ctx.loaders.get(this.loaders).lessonsByModuleId.load(l.moduleId);
    const i = lessons.findIndex((x) => x.id === l.id);
    return i > 0 ? lessons[i - 1].id : null;
  }

  @ResolveField(() => ID, { nullable: true })
  async nextLessonId(@Parent() l: LessonType, @Ctx() ctx: RequestContext): Promise<string | null> {
    const lessons = await ctx.loaders.get(this.loaders).lessonsByModuleId.load(l.moduleId);
    const i = lessons.findIndex((x) => x.id === l.id);
    return i >= 0 && i < lessons.length - 1 ? lessons[i + 1].id : null;
  }

  @ResolveField(() => [LessonResourceType], { description: 'Empty for viewers who may not read the lesson.' })
  async resources(@Parent() l: LessonType, @Ctx() ctx: RequestContext): Promise<LessonResourceType[]> {
    if (!l.viewerCanRead) return [];
    const rows = await ctx.loaders.get(this.loaders).resourcesByLessonId.load(l.id);
    return rows.map((r) => ({ id: r.id, fileName: r.fileName, mediaType: r.mediaType, sizeBytes: r.sizeBytes, createdAt: r.createdAt, url: ResourceService.url(r) }));
  }

  @ResolveField(() => QuizType, { nullable: true, description: 'Questions and options without answers; null without a quiz or for viewers who may not read the lesson.' })
  async quiz(@Parent() l: LessonType, @Ctx() ctx: RequestContext): Promise<QuizType | null> {
    if (!l.viewerCanRead || l.quizPassMark === null) return null;
    const loaders = ctx.loaders.get(this.loaders);
    const [{ questions, options }, attempts] = await Promise.all([loaders.quizByLessonId.load(l.id), loaders.viewerAttemptsByLessonId.load(l.id)]);
    return {
      passMark: l.quizPassMark,
      attemptsAllowed: l.quizAttemptsAllowed,
      questions: questions.map((q) => ({
        id: q.id,
        position: q.position,
        prompt: q.prompt,
        kind: q.kind as QuestionKindEnum,
        options: options.filter((o) => o.questionId === q.id).map((o) => ({ id: o.id, label: o.label })),
      })),
      viewerAttempts: attempts.count,
      viewerAttemptsLeft: l.quizAttemptsAllowed === null ? null : Math.max(0, l.quizAttemptsAllowed - attempts.count),
      viewerBestScore: attempts.best,
      viewerPassed: attempts.passed,
    };
  }

  @ResolveField(() => [QuizQuestionKeyType], { nullable: true, description: 'The quiz with its answer key: for the module’s editors only.' })
  async quizAnswerKey(@Parent() l: LessonType, @Ctx() ctx: RequestContext): Promise<QuizQuestionKeyType[] | null> {
    if (!l.viewerCanEdit || l.quizPassMark === null) return null;
    const { questions, options } = await ctx.loaders.get(this.loaders).quizByLessonId.load(l.id);
    return questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      kind: q.kind as QuestionKindEnum,
      explanation: q.explanation,
      options: options.filter((o) => o.questionId === q.id).map((o) => ({ id: o.id, label: o.label, correct: o.correct, feedback: o.feedback })),
    }));
  }

  @ResolveField(() => LessonProgressType, { nullable: true, description: 'The viewer’s progress in this lesson.' })
  async viewerProgress(@Parent() l: LessonType, @Ctx() ctx: RequestContext): Promise<LessonProgressType | null> {
    const p = await ctx.loaders.get(this.loaders).viewerProgressByLessonId.load(l.id);
    return p ? toProgressType(p) : null;
  }
}
