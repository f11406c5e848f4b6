import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CommunityRoleEnum, DeliveryModeEnum, JoinPolicyEnum, JoinRequestStatusEnum, VisibilityEnum } from '../community.enums';

@ObjectType('WorkingHours', { description: 'When a hub works, in its own time zone (for meeting planning).' })
export class WorkingHoursType {
  @Field({ description: 'Local start time, HH:MM.' })
  start: string;

  @Field({ description: 'Local end time, HH:MM.' })
  end: string;

  @Field(() => [Int], { description: 'ISO weekdays, 1 = Monday … 7 = Sunday.' })
  weekdays: number[];
}

@ObjectType('Hub', { description: 'An organisation or programme that serves other CSOs in a region.' })
export class HubType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field()
  country: string;

  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field({ description: 'IANA time zone.' })
  timeZone: string;

  @Field(() => WorkingHoursType)
  workingHours: WorkingHoursType;

  @Field()
  description: string;

  @Field(() => [String])
  services: string[];

  @Field(() => [DeliveryModeEnum])
  deliveryModes: DeliveryModeEnum[];

  @Field(() => VisibilityEnum)
  visibility: VisibilityEnum;

  @Field(() => JoinPolicyEnum)
  joinPolicy: JoinPolicyEnum;

  @Field(() => Int, { description: 'Implementation stage, 1 to 6.' })
  stage: number;

  @Field({ description: 'The viewer coordinates this hub (or is an admin).' })
  viewerCanEdit: boolean;

  hostOrganisationId: string;
  regionId: string;
  allianceId: string | null;
}

@ObjectType('DirectoryMember', { description: 'A member as the directory shows them; only to those their visibility setting allows.' })
export class DirectoryMemberType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  pronouns: string | null;

  @Field()
  bio: string;

  @Field(() => [String], { description: 'BCP 47 language tags.' })
  languages: string[];

  @Field()
  timeZone: string;

  @Field(() => [String], { description: 'Keys of the themes the member is interested in.' })
  themeKeys: string[];

  @Field(() => String, { nullable: true, description: 'hidden | hubs | members; only the member themself sees it.' })
  directoryVisibility: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Accessibility preference; only the member themself sees it.' })
  reducedMotion: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Accessibility preference; only the member themself sees it.' })
  largerText: boolean | null;

  @Field()
  viewerCanEdit: boolean;
}

@ObjectType('HubMembership')
export class HubMembershipType {
  @Field(() => CommunityRoleEnum)
  role: CommunityRoleEnum;

  @Field(() => DirectoryMemberType)
  member: DirectoryMemberType;

  hubId: string;
}

@ObjectType('MemberHubRole', { description: 'A hub a member belongs to, with their role.' })
export class MemberHubRoleType {
  @Field(() => CommunityRoleEnum)
  role: CommunityRoleEnum;

  hubId: string;
}

@ObjectType('MemberOrganisationRole', { description: 'An organisation a member belongs to, with their role.' })
export class MemberOrganisationRoleType {
  @Field(() => CommunityRoleEnum)
  role: CommunityRoleEnum;

  organisationId: string;
}

@ObjectType('JoinRequester', { description: 'Who asked to join; shown only to the hub’s coordinators.' })
export class JoinRequesterType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('HubJoinRequest')
export class HubJoinRequestType {
  @Field(() => ID)
  id: string;

  @Field(() => JoinRequestStatusEnum)
  status: JoinRequestStatusEnum;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt: Date | null;

  @Field(() => JoinRequesterType, { nullable: true, description: 'Null unless the viewer coordinates the hub or is the requester.' })
  requester: JoinRequesterType | null;

  hubId: string;
}

@ObjectType('Invitation')
export class InvitationType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => CommunityRoleEnum)
  role: CommunityRoleEnum;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt: Date | null;

  hubId: string | null;
  organisationId: string | null;
}

@ObjectType('InvitationPreview', { description: 'What an invitation link offers, shown before accepting. No e-mail address.' })
export class InvitationPreviewType {
  @Field(() => CommunityRoleEnum)
  role: CommunityRoleEnum;

  @Field({ description: 'Name of the hub or organisation.' })
  targetName: string;

  @Field(() => String, { nullable: true })
  hubSlug: string | null;

  @Field(() => String, { nullable: true })
  organisationSlug: string | null;

  @Field({ description: 'False when the link has expired, was revoked or was used.' })
  usable: boolean;
}
