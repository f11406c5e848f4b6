import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@anyam/server/core';
import { DeliveryModeEnum, ModuleLevelEnum, ModuleStatusEnum } from '../learning.enums';
import type { ModuleFacts } from '../learning.repository';

@ObjectType('LearningPerson', { description: 'A member as learning shows them: a name.' })
export class LearningPersonType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('LearningHub', { description: 'The hub offering a module.' })
export class LearningHubType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  slug: string;
}

@ObjectType('TrainingModule', { description: 'A training module offered by a hub.' })
export class TrainingModuleType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field({ description: 'Plain text.' })
  summary: string;

  @Field(() => ModuleLevelEnum)
  level: ModuleLevelEnum;

  @Field({ description: 'BCP 47 tag of the module’s language.' })
  language: string;

  @Field(() => Float)
  estimatedHours: number;

  @Field(() => DeliveryModeEnum)
  deliveryMode: DeliveryModeEnum;

  @Field(() => ModuleStatusEnum)
  status: ModuleStatusEnum;

  @Field({ description: 'Members may enrol without a cohort.' })
  selfPaced: boolean;

  @Field(() => ID, { nullable: true, description: 'The module’s discussion thread in the hub’s forum group (created on publish).' })
  discussionThreadId: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  @Field(() => Int)
  lessonCount: number;

  @Field({ description: 'The viewer may edit the module, its lessons and cohorts, and publish it.' })
  viewerCanEdit: boolean;

  /** Not fields. */
  hubId: string;
  facts: ModuleFacts;
}

@ObjectType()
export class TrainingModuleConnection extends Connection(TrainingModuleType, 'TrainingModule') {}
