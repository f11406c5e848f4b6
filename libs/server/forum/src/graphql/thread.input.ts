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

@InputType()
export class SearchFilter {
  @Field(() => ID, { nullable: true })
  groupId?: string;
}
