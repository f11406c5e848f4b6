import { Field, ID, InputType } from '@nestjs/graphql';
import { GroupKindEnum, GroupVisibilityEnum } from '../forum.enums';

@InputType()
export class GroupFilter {
  @Field(() => ID, { nullable: true })
  regionId?: string;

  @Field(() => ID, { nullable: true })
  hubId?: string;

  @Field(() => GroupKindEnum, { nullable: true })
  kind?: GroupKindEnum;
}

@InputType()
export class CreateGroupInput {
  @Field(() => GroupKindEnum)
  kind: GroupKindEnum;

  @Field(() => ID, { nullable: true, description: 'For a regional forum.' })
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'For a hub group.' })
  hubId?: string;

  @Field(() => String, { nullable: true, description: 'For a thematic group.' })
  themeKey?: string;

  @Field()
  name: string;

  @Field()
  slug: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => GroupVisibilityEnum)
  visibility: GroupVisibilityEnum;

  @Field()
  defaultLanguage: string;

  @Field({ nullable: true })
  holdFirstPosts?: boolean;
}

@InputType()
export class UpdateGroupInput {
  @Field(() => ID)
  groupId: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => GroupVisibilityEnum, { nullable: true })
  visibility?: GroupVisibilityEnum;

  @Field({ nullable: true })
  defaultLanguage?: string;

  @Field({ nullable: true, description: 'Hold a member’s first post in this group for a moderator’s approval.' })
  holdFirstPosts?: boolean;
}
