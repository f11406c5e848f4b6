import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ModuleLevel = 'introductory' | 'intermediate' | 'advanced';
export type DeliveryModeValue = 'online' | 'hybrid' | 'offline';
export type ModuleStatus = 'draft' | 'published' | 'archived';

/** A training module offered by a hub. Its linked discussion thread is created when it is published. */
@Entity('learning_modules')
export class TrainingModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  hubId: string;

  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'varchar', length: 12 })
  level: ModuleLevel;

  @Column({ type: 'varchar', length: 35 })
  language: string;

  /** numeric comes back from pg as a string. */
  @Column({ type: 'numeric', precision: 6, scale: 1, transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  estimatedHours: number;

  @Column({ type: 'varchar', length: 8 })
  deliveryMode: DeliveryModeValue;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: ModuleStatus;

  /** Members may enrol without a cohort. */
  @Column({ type: 'boolean', default: true })
  selfPaced: boolean;

  @Column({ type: 'uuid', nullable: true })
  discussionThreadId: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('learning_module_themes')
export class ModuleThemeEntity {
  @PrimaryColumn({ type: 'uuid' })
  moduleId: string;

  @PrimaryColumn({ type: 'varchar', length: 48 })
  themeKey: string;
}

@Entity('learning_module_authors')
export class ModuleAuthorEntity {
  @PrimaryColumn({ type: 'uuid' })
  moduleId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;
}

@Entity('learning_module_prerequisites')
export class ModulePrerequisiteEntity {
  @PrimaryColumn({ type: 'uuid' })
  moduleId: string;

  @PrimaryColumn({ type: 'uuid' })
  prerequisiteId: string;
}
