import { Actor } from '@anyam/server/core';
import { ThreadEntity } from './entities/thread.entity';
import { PostEntity } from './entities/post.entity';
import { GroupAccess } from './forum.repository';
import { ForumPolicy } from './forum.policy';
import { REMOVED_POST_HTML } from './markdown';
import { GroupType } from './graphql/group.type';
import { ThreadType } from './graphql/thread.type';
import { PostType } from './graphql/post.type';
import { GroupKindEnum, GroupVisibilityEnum } from './forum.enums';

export function toGroupType(access: GroupAccess, viewer: Actor): GroupType {
  const g = access.group;
  return {
    id: g.id,
    kind: g.kind as GroupKindEnum,
    regionId: g.regionId,
    hubId: g.hubId,
    themeKey: g.themeKey,
    name: g.name,
    slug: g.slug,
    description: g.description,
    visibility: g.visibility as GroupVisibilityEnum,
    defaultLanguage: g.defaultLanguage,
    holdFirstPosts: g.holdFirstPosts,
    viewerCanPost: ForumPolicy.canCreateThread(viewer, g, access.viewer),
    viewerCanModerate: ForumPolicy.canModerateGroup(viewer, g, access.viewer),
    access,
  };
}

export function toThreadType(t: ThreadEntity, access: GroupAccess, viewer: Actor): ThreadType {
  return {
    id: t.id,
    groupId: t.groupId,
    title: t.title,
    language: t.language,
    pinned: t.pinned,
    locked: t.locked,
    archived: t.archived,
    acceptedPostId: t.acceptedPostId,
    replyCount: t.replyCount,
    participantCount: t.participantCount,
    lastActivityAt: t.lastActivityAt,
    tags: t.tags,
    createdAt: t.createdAt,
    viewerCanReply: ForumPolicy.canReply(viewer, access.group, access.viewer, t),
    viewerCanModerate: ForumPolicy.canModerateGroup(viewer, access.group, access.viewer),
    viewerCanAcceptAnswer: ForumPolicy.canAcceptAnswer(viewer, access.group, access.viewer, t),
    authorId: t.authorId,
    lastPosterId: t.lastPosterId,
    access,
  };
}

/** A removed post keeps its place, number and date; its body and author are withheld. */
/** What a post's rendering needs to know about its thread. */
export type PostThread = Pick<ThreadEntity, 'id' | 'authorId' | 'locked' | 'archived' | 'acceptedPostId'>;

export function toPostType(p: PostEntity, thread: PostThread, access: GroupAccess, viewer: Actor): PostType {
  const removed = p.deletedAt !== null;
  const canEdit = ForumPolicy.canEditPost(viewer, access.group, access.viewer, thread, p);
  return {
    id: p.id,
    threadId: p.threadId,
    number: p.postNumber,
    bodyHtml: removed ? REMOVED_POST_HTML : p.bodyHtml,
    bodyMarkdown: removed ? null : p.bodyMarkdown,
    language: p.language,
    removed,
    quotePostId: p.quotePostId,
    isAcceptedAnswer: thread.acceptedPostId === p.id,
    editedAt: p.editedAt,
    createdAt: p.createdAt,
    viewerCanEdit: canEdit,
    viewerCanDelete: ForumPolicy.canDeletePost(viewer, access.group, access.viewer, thread, p),
    authorId: removed ? null : p.authorId,
    thread,
    access,
  };
}
