import { Field, ID, InputType } from '@nestjs/graphql';
import { CommunityRoleEnum, DirectoryVisibilityEnum } from '../community.enums';

@InputType()
export class InviteMemberInput {
  @Field()
  email: string;
  @Field(() => ID, { nullable: true })
  organisationId?: string | null;
  @Field(() => ID, { nullable: true })
  hubId?: string | null;
  @Field(() => CommunityRoleEnum, { defaultValue: CommunityRoleEnum.MEMBER })
  role: CommunityRoleEnum;
}

@InputType()
export class SetMemberRoleInput {
  @Field(() => ID)
  memberId: string;
  @Field(() => ID, { nullable: true })
  organisationId?: string | null;
  @Field(() => ID, { nullable: true })
  hubId?: string | null;
  @Field(() => CommunityRoleEnum)
  role: CommunityRoleEnum;
}

@InputType()
export class MemberFilter {
  @Field(() => ID, { nullable: true })
  hubId?: string;
  @Field(() => ID, { nullable: true })
  organisationId?: string;
  @Field({ nullable: true, description: 'Matches names.' })
  search?: string;
}

@InputType()
export class UpdateMemberProfileInput {
  @Field(() => String, { nullable: true })
  pronouns?: string | null;
  @Field({ nullable: true })
  bio?: string;
  @Field(() => [String], { nullable: true })
  languages?: string[];
  @Field(() => [String], { nullable: true })
  themeKeys?: string[];
  @Field({ nullable: true })
  reducedMotion?: boolean;
  @Field({ nullable: true })
  largerText?: boolean;
  @Field(() => DirectoryVisibilityEnum, { nullable: true })
  directoryVisibility?: DirectoryVisibilityEnum;
}
