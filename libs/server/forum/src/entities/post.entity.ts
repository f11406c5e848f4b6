import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
}
