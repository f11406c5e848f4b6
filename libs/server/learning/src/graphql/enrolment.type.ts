import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { EnrolmentStatusEnum } from '../learning.enums';
import { LessonProgressType } from './lesson.type';

@ObjectType('LessonRef', { description: 'A lesson named in a progress summary.' })
export class LessonRefType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => Int)
  position: number;
}

@ObjectType('ModuleProgress', { description: 'Progress in a module.' })
export class ModuleProgressType {
  @Field(() => Int)
  lessonsDone: number;

  @Field(() => Int)
  lessonsTotal: number;

  @Field(() => Int, { description: '0–100, rounded down.' })
  percent: number;

  @Field(() => LessonRefType, { nullable: true, description: 'The first lesson not yet complete (continue here).' })
  nextLesson: LessonRefType | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastActivityAt: Date | null;
}

@ObjectType('Certificate', { description: 'A certificate of completion: only what the public verification page shows.' })
export class CertificateType {
  @Field()
  code: string;

  @Field()
  memberName: string;

  @Field()
  moduleTitle: string;

  @Field()
  hubName: string;

  @Field(() => GraphQLISODateTime)
  issuedAt: Date;

  @Field({ description: 'Printable PDF in the member’s language.' })
  pdfUrl: string;

  @Field({ description: 'Public verification page path.' })
  verifyPath: string;
}

@ObjectType('Enrolment', { description: 'A member in a module, self-paced or in a cohort.' })
export class EnrolmentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  moduleId: string;

  @Field(() => ID, { nullable: true })
  cohortId: string | null;

  @Field(() => EnrolmentStatusEnum)
  status: EnrolmentStatusEnum;

  @Field(() => Int, { nullable: true, description: '1 = next to get a seat; null unless waitlisted.' })
  waitlistPosition: number | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  enrolledAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  completedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => ModuleProgressType)
  progress: ModuleProgressType;

  /** Not fields. */
  memberId: string;
}

@ObjectType('QuestionResult', { description: 'Feedback on one question, after a submission.' })
export class QuestionResultType {
  @Field(() => ID)
  questionId: string;

  @Field()
  correct: boolean;

  @Field(() => [ID])
  selectedOptionIds: string[];

  @Field(() => [ID], { nullable: true, description: 'The right options: only once the quiz is passed or no attempts are left.' })
  correctOptionIds: string[] | null;

  @Field(() => [String], { description: 'Feedback of the options chosen.' })
  feedback: string[];

  @Field({ description: 'The question’s explanation.' })
  explanation: string;
}

@ObjectType('QuizAttempt', { description: 'A graded submission.' })
export class QuizAttemptType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  lessonId: string;

  @Field(() => Int)
  attemptNumber: number;

  @Field(() => Int, { description: 'Percent of questions right.' })
  score: number;

  @Field()
  passed: boolean;

  @Field(() => Int)
  passMark: number;

  @Field(() => Int, { nullable: true, description: 'Null: unlimited.' })
  attemptsLeft: number | null;

  @Field(() => [QuestionResultType])
  results: QuestionResultType[];

  @Field(() => GraphQLISODateTime)
  submittedAt: Date;

  @Field(() => EnrolmentType, { description: 'The enrolment afterwards (progress, certificate).' })
  enrolment: EnrolmentType;
}

@ObjectType('CompleteLessonPayload')
export class CompleteLessonPayload {
  @Field(() => LessonProgressType)
  progress: LessonProgressType;

  @Field(() => EnrolmentType)
  enrolment: EnrolmentType;
}

@ObjectType('SyncProgressPayload', { description: 'The state after applying a batch of offline updates.' })
export class SyncProgressPayload {
  @Field(() => Int, { description: 'Updates that changed something (repeats change nothing).' })
  applied: number;

  @Field(() => [ID], { description: 'Lessons that no longer exist or where the member has no seat: drop them from the queue.' })
  skippedLessonIds: string[];

  @Field(() => [LessonProgressType])
  progress: LessonProgressType[];

  @Field(() => [EnrolmentType])
  enrolments: EnrolmentType[];
}
