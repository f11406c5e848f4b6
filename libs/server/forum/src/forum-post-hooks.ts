import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface PostEvent {
  threadId: string;
  postId: string;
  groupId: string;
  body: string;
  isNewThread: boolean;
  quotePostId?: string | null;
}

/** Run inside the post's transaction; the returned function runs after commit (live delivery). */
export type AfterCommit = (() => Promise<void>) | null;

/** What follows a published post: mentions and notifications (wired to the notifications lib). */
@Injectable()
export class ForumPostHooks {
  async afterPost(_tx: EntityManager, _authorId: string, _event: PostEvent): Promise<AfterCommit> {
    return null;
  }

  async afterEdit(_tx: EntityManager, _authorId: string, _event: Omit<PostEvent, 'isNewThread'> & { previousBody: string }): Promise<AfterCommit> {
    return null;
  }
}
