import { Field, ID, InputType } from '@nestjs/graphql';
import { VisibilityEnum } from '../community.enums';

@InputType()
export class CreateOrganisationInput {
  @Field()
  name: string;
  @Field()
  slug: string;
  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country: string;
  @Field(() => String, { nullable: true })
  city?: string | null;
  @Field(() => [String], { nullable: true, description: 'BCP 47 tags.' })
  languages?: string[];
  @Field(() => [String], { nullable: true })
  themeKeys?: string[];
  @Field({ nullable: true })
  description?: string;
  @Field(() => String, { nullable: true })
  website?: string | null;
  @Field(() => VisibilityEnum, { nullable: true })
  visibility?: VisibilityEnum;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID)
  id: string;
  @Field({ nullable: true })
  name?: string;
  @Field({ nullable: true })
  slug?: string;
  @Field({ nullable: true })
  country?: string;
  @Field(() => String, { nullable: true })
  city?: string | null;
  @Field(() => [String], { nullable: true })
  languages?: string[];
  @Field(() => [String], { nullable: true })
  themeKeys?: string[];
  @Field({ nullable: true })
  description?: string;
  @Field(() => String, { nullable: true })
  website?: string | null;
  @Field(() => VisibilityEnum, { nullable: true })
  visibility?: VisibilityEnum;
  @Field({ nullable: true, description: 'Network admins only.' })
  verified?: boolean;
}

@InputType()
export class OrganisationFilter {
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string;
  @Field({ nullable: true, description: 'Theme key; includes its sub-themes.' })
  theme?: string;
  @Field({ nullable: true })
  search?: string;
}
