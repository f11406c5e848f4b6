import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { QuestionKindEnum } from '../learning.enums';

@ObjectType('LessonResource', { description: 'A downloadable file of a lesson.' })
export class LessonResourceType {
  @Field(() => ID)
  id: string;

  @Field()
  fileName: string;

  @Field()
  mediaType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field({ description: 'Path to download it (send the same Bearer token as GraphQL).' })
  url: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType('QuizOption', { description: 'An answer to choose. Whether it is right is never sent before a submission.' })
export class QuizOptionType {
  @Field(() => ID)
  id: string;

  @Field()
  label: string;
}

@ObjectType('QuizQuestion')
export class QuizQuestionType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field()
  prompt: string;

  @Field(() => QuestionKindEnum)
  kind: QuestionKindEnum;

  @Field(() => [QuizOptionType])
  options: QuizOptionType[];
}

@ObjectType('Quiz', { description: 'A lesson’s quiz as learners see it: no correct answers.' })
export class QuizType {
  @Field(() => Int, { description: 'Percent of questions right needed to pass.' })
  passMark: number;

  @Field(() => Int, { nullable: true, description: 'Null: unlimited.' })
  attemptsAllowed: number | null;

  @Field(() => [QuizQuestionType])
  questions: QuizQuestionType[];

  @Field(() => Int)
  viewerAttempts: number;

  @Field(() => Int, { nullable: true, description: 'Null: unlimited.' })
  viewerAttemptsLeft: number | null;

  @Field(() => Int, { nullable: true })
  viewerBestScore: number | null;

  @Field()
  viewerPassed: boolean;
}

@ObjectType('QuizOptionKey', { description: 'An option with its answer key, for the module’s editors.' })
export class QuizOptionKeyType {
  @Field(() => ID)
  id: string;

  @Field()
  label: string;

  @Field()
  correct: boolean;

  @Field()
  feedback: string;
}

@ObjectType('QuizQuestionKey', { description: 'A question with its answer key, for the module’s editors.' })
export class QuizQuestionKeyType {
  @Field(() => ID)
  id: string;

  @Field()
  prompt: string;

  @Field(() => QuestionKindEnum)
  kind: QuestionKindEnum;

  @Field()
  explanation: string;

  @Field(() => [QuizOptionKeyType])
  options: QuizOptionKeyType[];
}

@ObjectType('LessonProgress', { description: 'The viewer’s progress in a lesson; times are the device’s.' })
export class LessonProgressType {
  @Field(() => ID)
  lessonId: string;

  @Field(() => GraphQLISODateTime)
  startedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  completedAt: Date | null;

  @Field()
  completed: boolean;
}

@ObjectType('Lesson', { description: 'A lesson. Content, resources and quiz are null for viewers who may not read it (not enrolled).' })
export class LessonType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  moduleId: string;

  @Field(() => Int)
  position: number;

  @Field()
  title: string;

  @Field(() => Int)
  estimatedMinutes: number;

  @Field()
  hasQuiz: boolean;

  @Field({ description: 'Enrolled members, the module’s editors and admins read the content.' })
  viewerCanRead: boolean;

  @Field()
  viewerCanEdit: boolean;

  @Field(() => String, { nullable: true, description: 'Sanitised HTML rendered from the Markdown.' })
  contentHtml: string | null;

  @Field(() => String, { nullable: true, description: 'The Markdown source, for editors only.' })
  contentMarkdown: string | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  /** Not fields. */
  quizPassMark: number | null;
  quizAttemptsAllowed: number | null;
  hubId: string;
}
