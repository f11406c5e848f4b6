import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { GroupAccess } from '../forum.repository';

@ObjectType('ForumAuthor', { description: 'The name a post or thread is shown with.' })
export class ForumAuthorType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'Mention them as @handle.' })
  handle: string;
}

@ObjectType('Thread', { description: 'A discussion in a group; its opening post is post number 1.' })
export class ThreadType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  groupId: string;

  @Field()
  title: string;

  @Field({ description: 'BCP 47 tag; the thread is searched with this language’s stemmer.' })
  language: string;

  @Field()
  pinned: boolean;

  @Field()
  locked: boolean;

  @Field()
  archived: boolean;

  @Field(() => ID, { nullable: true })
  acceptedPostId: string | null;

  @Field(() => Int, { description: 'Visible replies after the opening post.' })
  replyCount: number;

  @Field(() => Int)
  participantCount: number;

  @Field(() => GraphQLISODateTime)
  lastActivityAt: Date;

  @Field(() => [String])
  tags: string[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field()
  viewerCanReply: boolean;

  @Field()
  viewerCanModerate: boolean;

  @Field({ description: 'The viewer may mark a reply as the accepted answer.' })
  viewerCanAcceptAnswer: boolean;

  @Field({ description: 'The opening post waits for a moderator; only its author and moderators see the thread.' })
  held: boolean;

  @Field(() => Int, { description: 'Reactions on all its posts.' })
  reactionCount: number;

  /** Not fields. */
  authorId: string;
  lastPosterId: string | null;
  access: GroupAccess;
}
