import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@anyam/server/core';

@ObjectType('NotificationDatum', { description: 'One value the notification text needs, e.g. threadTitle.' })
export class NotificationDatumType {
  @Field()
  key: string;

  @Field(() => String, { nullable: true })
  value: string | null;
}

@ObjectType('NotificationActor')
export class NotificationActorType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('Notification', {
  description: 'Something the member is told about. The client writes its text from `kind` and `data` in the reader’s language.',
})
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field({ description: '`domain.event`, e.g. forum.reply, forum.mention, meetings.reminder.' })
  kind: string;

  @Field(() => [NotificationDatumType])
  data: NotificationDatumType[];

  @Field({ description: 'Where it leads: a path in the web app.' })
  url: string;

  /** Resolved through the member loader. */
  actorId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionType extends Connection(NotificationType, 'Notification') {}

@ObjectType('NotificationSettings')
export class NotificationSettingsType {
  @Field({ description: 'A daily e-mail with what is still unread (sent in the morning, in the member’s time zone).' })
  emailDigest: boolean;
}
