export * from './forum.module';
export * from './entities/group.entity';
export * from './entities/group-member.entity';
export * from './entities/thread.entity';
export * from './entities/thread-theme.entity';
export * from './entities/post.entity';
export * from './entities/post-revision.entity';
export * from './markdown';
