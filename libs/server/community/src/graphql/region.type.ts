import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Region', { description: 'A geographic area of the global south.' })
export class RegionType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'Default IANA time zone of the region.' })
  timeZone: string;

  @Field({ description: 'The viewer may edit regions (network admins).' })
  viewerCanEdit: boolean;
}

@ObjectType('Alliance', { description: 'A named network of hubs in a region.' })
export class AllianceType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Launch date, YYYY-MM-DD.' })
  launchedOn: string | null;

  @Field()
  description: string;

  @Field()
  viewerCanEdit: boolean;

  regionId: string;
}
