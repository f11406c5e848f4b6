import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type QuestionKind = 'single' | 'multiple';

@Entity('learning_quiz_questions')
export class QuizQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lessonId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  prompt: string;

  @Column({ type: 'varchar', length: 8 })
  kind: QuestionKind;

  /** Shown in the attempt result only. */
  @Column({ type: 'text', default: '' })
  explanation: string;
}

/** `correct` and `feedback` never leave the server before a submission. */
@Entity('learning_quiz_options')
export class QuizOptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  questionId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'boolean', default: false })
  correct: boolean;

  @Column({ type: 'text', default: '' })
  feedback: string;
}

@Entity('learning_quiz_attempts')
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lessonId: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'integer' })
  attemptNumber: number;

  @Column({ type: 'integer' })
  score: number;

  @Column({ type: 'boolean' })
  passed: boolean;

  /** { questionId: optionIds[] } as submitted. */
  @Column({ type: 'jsonb' })
  answers: Record<string, string[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
