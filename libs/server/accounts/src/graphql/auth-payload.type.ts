import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { MemberType } from './member.type';

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field({ description: 'Short-lived bearer token for the Authorization header.' })
  accessToken: string;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;

  @Field(() => MemberType)
  member: MemberType;
}
