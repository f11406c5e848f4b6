import { ObjectType } from '@nestjs/graphql';
import { Connection } from '@anyam/server/core';
import { GroupType } from './group.type';
import { ThreadType } from './thread.type';
import { PostType, SearchHitType } from './post.type';

@ObjectType()
export class GroupConnection extends Connection(GroupType, 'Group') {}

@ObjectType()
export class ThreadConnection extends Connection(ThreadType, 'Thread') {}

@ObjectType()
export class PostConnection extends Connection(PostType, 'Post') {}

@ObjectType()
export class SearchHitConnection extends Connection(SearchHitType, 'SearchHit') {}
