import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { GroupAccess } from '../forum.repository';
import { ForumAuthorType } from './thread.type';
import type { ThreadEntity } from '../entities/thread.entity';
import { PostStatusEnum, ReactionKindEnum } from '../forum.enums';

type PostThread = Pick<ThreadEntity, 'id' | 'authorId' | 'locked' | 'archived' | 'acceptedPostId'>;

@ObjectType('ReactionCount')
export class ReactionCountType {
  @Field(() => ReactionKindEnum)
  kind: ReactionKindEnum;

  @Field(() => Int)
  count: number;
}

@ObjectType('Post', { description: 'A post in a thread. A removed post keeps its place with a placeholder.' })
export class PostType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  threadId: string;

  @Field(() => Int, { description: '1 for the opening post.' })
  number: number;

  @Field({ description: 'Sanitised HTML, safe to insert; a placeholder when removed.' })
  bodyHtml: string;

  @Field(() => String, { nullable: true, description: 'The Markdown source (readers quote from it; the author or a moderator edits it); null when removed.' })
  bodyMarkdown: string | null;

  @Field()
  language: string;

  @Field()
  removed: boolean;

  @Field(() => ID, { nullable: true })
  quotePostId: string | null;

  @Field({ description: 'This post is the thread’s accepted answer.' })
  isAcceptedAnswer: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  editedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field({ description: 'A moderator hid it: readers see a placeholder, moderators still see the body (and may restore it).' })
  hidden: boolean;

  @Field(() => PostStatusEnum)
  status: PostStatusEnum;

  @Field(() => [ReactionCountType], { description: 'Counts per reaction kind (kinds with none are left out), in the fixed kind order.' })
  reactions: ReactionCountType[];

  @Field()
  viewerCanReact: boolean;

  @Field({ description: 'The viewer may flag this post for the moderators.' })
  viewerCanFlag: boolean;

  @Field({ description: 'The viewer moderates the group: may hide, restore, approve or reject this post.' })
  viewerCanModerate: boolean;

  @Field()
  viewerCanEdit: boolean;

  @Field()
  viewerCanDelete: boolean;

  /** Not fields. */
  authorId: string | null;
  thread: PostThread;
  access: GroupAccess;
}

@ObjectType('SearchHit', { description: 'A post (or a thread title) matching a search, with a highlighted snippet.' })
export class SearchHitType {
  @Field({ description: 'Sanitised HTML: matched words in <mark>.' })
  snippet: string;

  @Field({ description: 'Relevance; titles weigh more than bodies.' })
  rank: number;

  /** Not fields: the post is resolved through loaders. */
  postId: string;
  threadId: string;
}

@ObjectType('PostRevision', { description: 'One edit of a post: who, when, and the body it replaced.' })
export class PostRevisionType {
  @Field(() => ForumAuthorType, { nullable: true })
  editor: ForumAuthorType | null;

  @Field(() => GraphQLISODateTime)
  editedAt: Date;

  @Field()
  previousBodyMarkdown: string;
}
