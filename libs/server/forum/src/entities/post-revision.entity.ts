import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Edit history: the body a post had before an edit, who edited it and when. */
@Entity('forum_post_revisions')
export class PostRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @Column({ type: 'uuid' })
  editorId: string;

  @Column({ type: 'text' })
  previousBodyMarkdown: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
