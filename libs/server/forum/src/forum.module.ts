import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupEntity } from './entities/group.entity';
import { GroupMemberEntity } from './entities/group-member.entity';
import { ThreadEntity } from './entities/thread.entity';
import { ThreadThemeEntity } from './entities/thread-theme.entity';
import { PostEntity } from './entities/post.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { CreateForum1764500000000 } from './migrations/1764500000000-create-forum';

export const FORUM_ENTITIES = [GroupEntity, GroupMemberEntity, ThreadEntity, ThreadThemeEntity, PostEntity, PostRevisionEntity];
export const FORUM_MIGRATIONS = [CreateForum1764500000000];

/** Forum: groups, threads, posts (the API comes in the next commit). */
@Module({
  imports: [TypeOrmModule.forFeature(FORUM_ENTITIES)],
})
export class ForumModule {}
