import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreateRegionInput {
  @Field()
  name: string;
  @Field()
  slug: string;
  @Field({ description: 'IANA time zone, e.g. America/Lima.' })
  timeZone: string;
  @Field({ nullable: true })
  description?: string;
}

@InputType()
export class CreateAllianceInput {
  @Field()
  name: string;
  @Field()
  slug: string;
  @Field(() => ID)
  regionId: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  launchedOn?: string | null;
  @Field({ nullable: true })
  description?: string;
}
