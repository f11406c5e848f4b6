import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreateThreadInput {
  @Field(() => ID)
  groupId: string;

  @Field()
  title: string;

  @Field({ description: 'Markdown; becomes the opening post.' })
  body: string;

  @Field({ nullable: true, description: 'BCP 47; defaults to the author’s locale.' })
  language?: string;

  @Field(() => [String], { nullable: true, description: 'Theme keys.' })
  themes?: string[];

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => String, { nullable: true, description: 'Retrying with the same id returns the first thread.' })
  clientMutationId?: string;
}

@InputType({ description: 'Narrows a group’s thread list; every given condition must hold.' })
export class ThreadFilter {
  @Field(() => String, { nullable: true, description: 'Threads with this theme.' })
  themeKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Threads with this free tag.' })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'Threads in this language (BCP 47, e.g. id, es).' })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: 'Threads this member started.' })
  authorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Threads without an accepted answer.' })
  unanswered?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Threads with posts the viewer has not read (members only).' })
  unread?: boolean | null;
}

@InputType({ description: 'Narrows search results; every given condition must hold.' })
export class SearchFilter {
  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => String, { nullable: true, description: 'Posts in threads with this theme.' })
  themeKey?: string | null;

  @Field(() => ID, { nullable: true, description: 'Posts written by this member.' })
  authorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Posts written at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Posts written before this instant.' })
  to?: Date | null;
}
