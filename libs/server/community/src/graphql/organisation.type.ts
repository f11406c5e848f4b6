import { Field, ID, ObjectType } from '@nestjs/graphql';
import { VisibilityEnum } from '../community.enums';

@ObjectType('Organisation', { description: 'A civil-society organisation (CSO).' })
export class OrganisationType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country: string;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => [String], { description: 'BCP 47 language tags.' })
  languages: string[];

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => VisibilityEnum)
  visibility: VisibilityEnum;

  @Field()
  verified: boolean;

  @Field({ description: 'The viewer coordinates this organisation (or is an admin).' })
  viewerCanEdit: boolean;

  @Field({ description: 'The viewer may invite people and change roles here.' })
  viewerCanInvite: boolean;
}
