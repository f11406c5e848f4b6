import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Member', { description: 'A person with an Anyam account.' })
export class MemberType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'Unique, lower-case; others mention the member as @handle.' })
  handle: string;

  @Field(() => String, { nullable: true, description: 'Only the member themself (and network admins) see the address.' })
  email: string | null;

  @Field({ description: 'Interface language (en, id, es, pt).' })
  locale: string;

  @Field({ description: 'IANA time zone, e.g. Asia/Jakarta.' })
  timeZone: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field({ description: 'The viewer may edit this profile.' })
  viewerCanEdit: boolean;
}
