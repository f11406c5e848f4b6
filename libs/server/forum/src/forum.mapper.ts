import { Actor } from '@anyam/server/core';
import { ThreadEntity } from './entities/thread.entity';
import { PostEntity } from './entities/post.entity';
import { GroupAccess } from './forum.repository';
import { ForumPolicy } from './forum.policy';
import { HIDDEN_POST_HTML, REMOVED_POST_HTML } from './markdown';
import { GroupType } from './graphql/group.type';
import { ThreadType } from './graphql/thread.type';
import { PostType } from './graphql/post.type';
import { GroupKindEnum, GroupVisibilityEnum, PostStatusEnum, REACTION_KINDS } from './forum.enums';

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
    threadCount: g.threadCount,
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
    held: t.held,
    reactionCount: t.reactionCount,
    authorId: t.authorId,
    lastPosterId: t.lastPosterId,
    access,
  };
}

/** What a post's rendering needs to know about its thread. */
export type PostThread = Pick<ThreadEntity, 'id' | 'authorId' | 'locked' | 'archived' | 'acceptedPostId'>;

/**
 * A removed post keeps its place, number and date; its body and author are withheld. A hidden post shows
 * readers a placeholder too, but its group's moderators still see it (to restore it).
 */
export function toPostType(p: PostEntity, thread: PostThread, access: GroupAccess, viewer: Actor): PostType {
  const removed = p.deletedAt !== null;
  const hidden = p.hiddenAt !== null && p.hiddenAt !== undefined;
  const moderator = ForumPolicy.canModerateGroup(viewer, access.group, access.viewer);
  const withheld = removed || (hidden && !moderator);
  const canEdit = ForumPolicy.canEditPost(viewer, access.group, access.viewer, thread, p);
  const counts = p.reactionCounts ?? {};
  return {
    id: p.id,
    threadId: p.threadId,
    number: p.postNumber,
    bodyHtml: removed ? REMOVED_POST_HTML : withheld ? HIDDEN_POST_HTML : p.bodyHtml,
    bodyMarkdown: withheld ? null : p.bodyMarkdown,
    language: p.language,
    removed,
    hidden,
    status: (p.status ?? 'visible') as PostStatusEnum,
    reactions: REACTION_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((kind) => ({ kind, count: counts[kind] })),
    viewerCanReact: ForumPolicy.canReact(viewer, access.group, access.viewer, p),
    viewerCanFlag: ForumPolicy.canFlag(viewer, access.group, access.viewer, p) && !withheld,
    viewerCanModerate: moderator,
    quotePostId: p.quotePostId,
    isAcceptedAnswer: thread.acceptedPostId === p.id,
    editedAt: p.editedAt,
    createdAt: p.createdAt,
    viewerCanEdit: canEdit && !(hidden && !moderator),
    viewerCanDelete: ForumPolicy.canDeletePost(viewer, access.group, access.viewer, thread, p) && !(hidden && !moderator),
    authorId: withheld ? null : p.authorId,
    thread,
    access,
  };
}
