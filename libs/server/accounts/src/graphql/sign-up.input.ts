import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class SignUpInput {
  @Field()
  email: string;

  @Field()
  password: string;

  @Field()
  name: string;

  @Field({ description: 'Interface language: en, id, es or pt.' })
  locale: string;

  @Field({ description: 'IANA time zone, e.g. America/Lima.' })
  timeZone: string;
}
