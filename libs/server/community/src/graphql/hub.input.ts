import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DeliveryModeEnum, JoinPolicyEnum, VisibilityEnum } from '../community.enums';

@InputType()
export class WorkingHoursInput {
  @Field({ description: 'HH:MM local time.' })
  start: string;
  @Field({ description: 'HH:MM local time.' })
  end: string;
  @Field(() => [Int], { description: 'ISO weekdays 1 (Monday) … 7 (Sunday).' })
  weekdays: number[];
}

@InputType()
export class CreateHubInput {
  @Field(() => ID)
  hostOrganisationId: string;
  @Field()
  name: string;
  @Field()
  slug: string;
  @Field(() => ID)
  regionId: string;
  @Field(() => ID, { nullable: true })
  allianceId?: string | null;
  @Field(() => String, { nullable: true })
  city?: string | null;
  @Field()
  country: string;
  @Field(() => Float)
  latitude: number;
  @Field(() => Float)
  longitude: number;
  @Field()
  timeZone: string;
  @Field(() => WorkingHoursInput, { nullable: true })
  workingHours?: WorkingHoursInput;
  @Field({ nullable: true })
  description?: string;
  @Field(() => [String], { nullable: true })
  services?: string[];
  @Field(() => [DeliveryModeEnum], { nullable: true })
  deliveryModes?: DeliveryModeEnum[];
  @Field(() => VisibilityEnum, { nullable: true })
  visibility?: VisibilityEnum;
  @Field(() => JoinPolicyEnum, { nullable: true })
  joinPolicy?: JoinPolicyEnum;
  @Field(() => Int, { nullable: true })
  stage?: number;
  @Field(() => [String], { nullable: true })
  themeKeys?: string[];
  @Field(() => [ID], { nullable: true })
  partnerOrganisationIds?: string[];
}

@InputType()
export class UpdateHubInput {
  @Field(() => ID)
  id: string;
  @Field({ nullable: true })
  name?: string;
  @Field({ nullable: true })
  slug?: string;
  @Field(() => ID, { nullable: true, description: 'Null removes the hub from its alliance.' })
  allianceId?: string | null;
  @Field(() => String, { nullable: true })
  city?: string | null;
  @Field({ nullable: true })
  country?: string;
  @Field(() => Float, { nullable: true })
  latitude?: number;
  @Field(() => Float, { nullable: true })
  longitude?: number;
  @Field({ nullable: true })
  timeZone?: string;
  @Field(() => WorkingHoursInput, { nullable: true })
  workingHours?: WorkingHoursInput;
  @Field({ nullable: true })
  description?: string;
  @Field(() => [String], { nullable: true })
  services?: string[];
  @Field(() => [DeliveryModeEnum], { nullable: true })
  deliveryModes?: DeliveryModeEnum[];
  @Field(() => VisibilityEnum, { nullable: true })
  visibility?: VisibilityEnum;
  @Field(() => JoinPolicyEnum, { nullable: true })
  joinPolicy?: JoinPolicyEnum;
  @Field(() => Int, { nullable: true })
  stage?: number;
  @Field(() => [String], { nullable: true })
  themeKeys?: string[];
  @Field(() => [ID], { nullable: true })
  partnerOrganisationIds?: string[];
}

@InputType()
export class HubFilter {
  @Field(() => ID, { nullable: true })
  regionId?: string;
  @Field(() => ID, { nullable: true })
  allianceId?: string;
  @Field({ nullable: true, description: 'Theme key; includes its sub-themes.' })
  theme?: string;
  @Field({ nullable: true })
  search?: string;
}
