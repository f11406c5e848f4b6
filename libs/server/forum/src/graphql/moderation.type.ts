import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@anyam/server/core';
import { ForumAuthorType, ThreadType } from './thread.type';
import { GroupType } from './group.type';

export enum FlagStatusEnum {
  OPEN = 'open',
  HIDDEN = 'hidden',
  DISMISSED = 'dismissed',
}
export enum ModerationItemKindEnum {
  HELD = 'held',
  FLAGGED = 'flagged',
}
registerEnumType(FlagStatusEnum, { name: 'FlagStatus', description: 'OPEN: waits for a moderator; HIDDEN: the post was hidden; DISMISSED: kept.' });
registerEnumType(ModerationItemKindEnum, { name: 'ModerationItemKind', description: 'HELD: a first post waiting for approval; FLAGGED: a post with open flags.' });

@ObjectType('Flag', { description: 'A member’s report of a post to the group’s moderators.' })
export class FlagType {
  @Field(() => ID)
  id: string;

  @Field()
  reason: string;

  @Field(() => FlagStatusEnum)
  status: FlagStatusEnum;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => ForumAuthorType, { nullable: true, description: 'Who flagged it: only the group’s moderators see this.' })
  reporter: ForumAuthorType | null;

  /** Not fields. */
  postId: string;
  reporterId: string;
}

@ObjectType('ModerationItem', { description: 'A post in a group’s moderation queue; the post itself comes with its full body for moderators.' })
export class ModerationItemType {
  @Field(() => ModerationItemKindEnum)
  kind: ModerationItemKindEnum;

  @Field(() => GraphQLISODateTime, { description: 'When it was written (held) or first flagged (flagged).' })
  since: Date;

  /** Not fields. */
  postId: string;
  threadId: string;
  groupId: string;
}

@ObjectType()
export class ModerationItemConnection extends Connection(ModerationItemType, 'ModerationItem') {}

@ObjectType('Draft', { description: 'The viewer’s unsent reply in a thread; cleared when the post is created.' })
export class DraftType {
  @Field()
  body: string;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType('WatchPayload', { description: 'The thread or group now (un)watched.' })
export class WatchPayload {
  @Field(() => ThreadType, { nullable: true })
  thread: ThreadType | null;

  @Field(() => GroupType, { nullable: true })
  group: GroupType | null;
}
