import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PostStatus = 'visible' | 'held' | 'rejected';

/** A post in a thread. `bodyHtml` is rendered and sanitised on write; never render `bodyMarkdown` raw. */
@Entity('forum_posts')
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  /** 1 for the opening post, then in order of arrival (assigned under the thread row lock). */
  @Column({ type: 'integer' })
  postNumber: number;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({ type: 'uuid', nullable: true })
  quotePostId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientMutationId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deletedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** visible; held for a moderator's approval; rejected by one (only its author still sees it). */
  @Column({ type: 'varchar', length: 8, default: 'visible' })
  status: PostStatus;

  /** Hidden by a moderator: readers see a placeholder; restorable. */
  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenById: string | null;

  /** Reactions per kind, kept with forum_reactions in the same transaction. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  reactionCounts: Record<string, number>;
}
