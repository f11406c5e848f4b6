import { Field, ID, ObjectType } from '@nestjs/graphql';
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

  @Field({ description: 'New members’ first posts wait for a moderator (not enforced yet).' })
  holdFirstPosts: boolean;

  @Field({ description: 'The viewer may start threads here.' })
  viewerCanPost: boolean;

  @Field()
  viewerCanModerate: boolean;

  /** Not a field: the access facts the mapper used, for child resolvers. */
  access: GroupAccess;
}
