import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A lesson, ordered within its module; a quiz when `quizPassMark` is set. */
@Entity('learning_lessons')
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  moduleId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  contentMarkdown: string;

  /** Rendered and sanitised on the server. */
  @Column({ type: 'text', default: '' })
  contentHtml: string;

  @Column({ type: 'integer', default: 10 })
  estimatedMinutes: number;

  /** Percent of questions right to pass; null = no quiz. */
  @Column({ type: 'integer', nullable: true })
  quizPassMark: number | null;

  /** Null = unlimited. */
  @Column({ type: 'integer', nullable: true })
  quizAttemptsAllowed: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** An uploaded file attached to a lesson, stored on disk under its storage key. */
@Entity('learning_lesson_resources')
export class LessonResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lessonId: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 120 })
  mediaType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 80 })
  storageKey: string;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
