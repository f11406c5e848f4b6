import { Field, InputType } from '@nestjs/graphql';

@InputType('NotificationSettingsInput')
export class NotificationSettingsInput {
  @Field(() => Boolean, { nullable: true, description: 'Receive the daily e-mail digest.' })
  emailDigest?: boolean | null;
}
