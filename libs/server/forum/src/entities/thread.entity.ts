import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A discussion in a group. Its opening post is post number 1; counters are kept in the post transaction. */
@Entity('forum_threads')
export class ThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  groupId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'uuid' })
  authorId: string;

  /** BCP 47 tag; picks the text-search configuration. */
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Column({ type: 'uuid', nullable: true })
  acceptedPostId: string | null;

  /** Visible posts after the opening post. */
  @Column({ type: 'integer', default: 0 })
  replyCount: number;

  /** Distinct authors of visible posts. */
  @Column({ type: 'integer', default: 0 })
  participantCount: number;

  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;

  @Column({ type: 'uuid', nullable: true })
  lastPosterId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** The opening post waits for a moderator (group setting holdFirstPosts); only its author and moderators see it. */
  @Column({ type: 'boolean', default: false })
  held: boolean;

  /** Reactions on all its posts (for the TOP order). */
  @Column({ type: 'integer', default: 0 })
  reactionCount: number;
}
