import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { DeliveryModeEnum, ModuleLevelEnum, ModuleStatusEnum, ProgressStateEnum, QuestionKindEnum } from '../learning.enums';

@InputType()
export class TrainingModuleFilter {
  @Field({ nullable: true, description: 'Theme key.' })
  theme?: string;

  @Field(() => ModuleLevelEnum, { nullable: true })
  level?: ModuleLevelEnum;

  @Field({ nullable: true, description: 'Language tag; "id" also matches "id-ID".' })
  language?: string;

  @Field(() => DeliveryModeEnum, { nullable: true })
  mode?: DeliveryModeEnum;

  @Field(() => ID, { nullable: true })
  hubId?: string;

  @Field({ nullable: true, description: 'Words in the title or summary.' })
  search?: string;

  @Field(() => ModuleStatusEnum, { nullable: true, description: 'Default PUBLISHED; drafts list only what the viewer may edit.' })
  status?: ModuleStatusEnum;
}

@InputType()
export class CreateTrainingModuleInput {
  @Field(() => ID)
  hubId: string;

  @Field()
  title: string;

  @Field()
  slug: string;

  @Field({ nullable: true })
  summary?: string;

  @Field(() => ModuleLevelEnum)
  level: ModuleLevelEnum;

  @Field()
  language: string;

  @Field(() => Float, { nullable: true, description: 'Default 1.' })
  estimatedHours?: number;

  @Field(() => DeliveryModeEnum)
  deliveryMode: DeliveryModeEnum;

  @Field({ nullable: true, description: 'Default true.' })
  selfPaced?: boolean;

  @Field(() => [String], { nullable: true, description: 'Theme keys.' })
  themes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Co-authors besides the creator.' })
  authorIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Modules to complete first.' })
  prerequisiteIds?: string[];
}

@InputType()
export class UpdateTrainingModuleInput {
  @Field(() => ID)
  id: string;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  slug?: string;

  @Field({ nullable: true })
  summary?: string;

  @Field(() => ModuleLevelEnum, { nullable: true })
  level?: ModuleLevelEnum;

  @Field({ nullable: true })
  language?: string;

  @Field(() => Float, { nullable: true })
  estimatedHours?: number;

  @Field(() => DeliveryModeEnum, { nullable: true })
  deliveryMode?: DeliveryModeEnum;

  @Field({ nullable: true })
  selfPaced?: boolean;

  @Field(() => [String], { nullable: true, description: 'Replaces the themes.' })
  themes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the co-authors.' })
  authorIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the prerequisites.' })
  prerequisiteIds?: string[];

  @Field({ nullable: true, description: 'Archive (true) or bring back to published/draft (false).' })
  archived?: boolean;
}

@InputType()
export class QuizOptionInput {
  @Field()
  label: string;

  @Field()
  correct: boolean;

  @Field({ nullable: true, description: 'Shown after a submission to whoever chose this option.' })
  feedback?: string;
}

@InputType()
export class QuizQuestionInput {
  @Field()
  prompt: string;

  @Field(() => QuestionKindEnum)
  kind: QuestionKindEnum;

  @Field({ nullable: true, description: 'Shown after a submission.' })
  explanation?: string;

  @Field(() => [QuizOptionInput])
  options: QuizOptionInput[];
}

@InputType()
export class QuizInput {
  @Field(() => Int, { description: 'Percent of questions right needed to pass (1–100).' })
  passMark: number;

  @Field(() => Int, { nullable: true, description: '1–20; null: unlimited.' })
  attemptsAllowed?: number | null;

  @Field(() => [QuizQuestionInput])
  questions: QuizQuestionInput[];
}

@InputType()
export class AddLessonInput {
  @Field(() => ID)
  moduleId: string;

  @Field()
  title: string;

  @Field({ description: 'Markdown.' })
  contentMarkdown: string;

  @Field(() => Int, { nullable: true, description: 'Default 10.' })
  estimatedMinutes?: number;

  @Field(() => QuizInput, { nullable: true })
  quiz?: QuizInput;
}

@InputType()
export class UpdateLessonInput {
  @Field(() => ID)
  id: string;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  contentMarkdown?: string;

  @Field(() => Int, { nullable: true })
  estimatedMinutes?: number;

  @Field(() => QuizInput, { nullable: true, description: 'Replaces the quiz (earlier attempts keep their scores).' })
  quiz?: QuizInput;

  @Field({ nullable: true, description: 'true: remove the quiz.' })
  removeQuiz?: boolean;
}

@InputType()
export class CreateCohortInput {
  @Field(() => ID)
  moduleId: string;

  @Field()
  name: string;

  @Field({ description: 'ISO date, YYYY-MM-DD.' })
  startsOn: string;

  @Field({ description: 'ISO date, YYYY-MM-DD.' })
  endsOn: string;

  @Field(() => Int)
  seats: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: open now.' })
  enrolmentOpensAt?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: open until the cohort starts.' })
  enrolmentClosesAt?: Date;

  @Field(() => DeliveryModeEnum)
  deliveryMode: DeliveryModeEnum;

  @Field({ nullable: true, description: 'Where (offline and hybrid cohorts).' })
  place?: string;

  @Field({ nullable: true, description: 'https link (online and hybrid cohorts).' })
  link?: string;

  @Field(() => [ID], { nullable: true, description: 'Facilitators besides the creator.' })
  facilitatorIds?: string[];
}

@InputType()
export class EnrolInput {
  @Field(() => ID, { nullable: true, description: 'Self-paced enrolment in a module that allows it.' })
  moduleId?: string;

  @Field(() => ID, { nullable: true, description: 'A seat (or the waitlist) in a cohort.' })
  cohortId?: string;
}

@InputType()
export class CompleteLessonInput {
  @Field(() => ID)
  lessonId: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was completed on the device; default now.' })
  completedAt?: Date;
}

@InputType()
export class QuizAnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field(() => [ID])
  optionIds: string[];
}

@InputType()
export class SubmitQuizInput {
  @Field(() => ID)
  lessonId: string;

  @Field(() => [QuizAnswerInput])
  answers: QuizAnswerInput[];
}

@InputType()
export class ProgressUpdateInput {
  @Field(() => ID)
  lessonId: string;

  @Field(() => ProgressStateEnum)
  state: ProgressStateEnum;

  @Field(() => GraphQLISODateTime, { description: 'When it happened on the device.' })
  at: Date;
}
