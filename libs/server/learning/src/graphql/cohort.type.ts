import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeliveryModeEnum } from '../learning.enums';

@ObjectType('Cohort', { description: 'A scheduled run of a module, with seats and an enrolment window.' })
export class CohortType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  moduleId: string;

  @Field()
  name: string;

  @Field({ description: 'ISO date.' })
  startsOn: string;

  @Field({ description: 'ISO date.' })
  endsOn: string;

  @Field(() => Int)
  seats: number;

  @Field(() => Int)
  seatsTaken: number;

  @Field(() => Int)
  seatsLeft: number;

  @Field(() => Int)
  waitlistCount: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  enrolmentOpensAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  enrolmentClosesAt: Date | null;

  @Field({ description: 'Now within the enrolment window.' })
  enrolmentOpen: boolean;

  @Field(() => DeliveryModeEnum)
  deliveryMode: DeliveryModeEnum;

  @Field(() => String, { nullable: true })
  place: string | null;

  @Field(() => String, { nullable: true, description: 'The online link: for enrolled members and the cohort’s staff only.' })
  link: string | null;

  @Field({ description: 'The viewer may see the roster.' })
  viewerCanManage: boolean;

  /** Not fields. */
  hubId: string;
}
