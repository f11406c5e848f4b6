import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreatePostInput {
  @Field(() => ID)
  threadId: string;

  @Field({ description: 'Markdown.' })
  body: string;

  @Field(() => ID, { nullable: true })
  quotePostId?: string;

  @Field(() => String, { nullable: true, description: 'Retrying with the same id returns the first post instead of a second one.' })
  clientMutationId?: string;

  @Field({ nullable: true, description: 'BCP 47; defaults to the thread’s language.' })
  language?: string;
}

@InputType()
export class EditPostInput {
  @Field(() => ID)
  postId: string;

  @Field({ description: 'Markdown.' })
  body: string;
}
