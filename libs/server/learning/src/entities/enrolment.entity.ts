import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'withdrawn' | 'completed';

/** A member in a module (self-paced) or a cohort. One live (not withdrawn) enrolment per member and module. */
@Entity('learning_enrolments')
export class EnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  moduleId: string;

  @Column({ type: 'uuid', nullable: true })
  cohortId: string | null;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 10 })
  status: EnrolmentStatus;

  /** Order on the cohort's waitlist (lower first); null unless waitlisted. */
  @Column({ type: 'integer', nullable: true })
  waitlistPosition: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  enrolledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}

/** Per member and lesson. Times are the client's (offline updates keep their real order). */
@Entity('learning_lesson_progress')
export class LessonProgressEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @PrimaryColumn({ type: 'uuid' })
  lessonId: string;

  @Column({ type: 'uuid' })
  moduleId: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;

  /** Server time the latest update arrived. */
  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}

@Entity('learning_certificates')
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Random, public: the verification page's key. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'uuid' })
  moduleId: string;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;
}
