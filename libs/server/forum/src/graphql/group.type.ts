import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GroupKindEnum, GroupVisibilityEnum } from '../forum.enums';
import type { GroupAccess } from '../forum.repository';

@ObjectType('Group', { description: 'A forum space: a regional forum, a hub group or a thematic group.' })
export class GroupType {
  @Field(() => ID)
  id: string;

  @Field(() => GroupKindEnum)
  kind: GroupKindEnum;

  @Field(() => ID, { nullable: true })
  regionId: string | null;

  @Field(() => ID, { nullable: true })
  hubId: string | null;

  @Field(() => String, { nullable: true })
  themeKey: string | null;

  @Field()
  name: string;

  @Field()
  slug: string;

  @Field()
  description: string;

  @Field(() => GroupVisibilityEnum)
  visibility: GroupVisibilityEnum;

  @Field({ description: 'BCP 47 tag suggested for new threads.' })
  defaultLanguage: string;

  @Field({ description: 'A member’s first post in this group (reply or thread) waits for a moderator’s approval.' })
  holdFirstPosts: boolean;

  @Field(() => Int, { description: 'Live threads, not counting those held for approval.' })
  threadCount: number;

  @Field({ description: 'The viewer may start threads here.' })
  viewerCanPost: boolean;

  @Field()
  viewerCanModerate: boolean;

  /** Not a field: the access facts the mapper used, for child resolvers. */
  access: GroupAccess;
}
