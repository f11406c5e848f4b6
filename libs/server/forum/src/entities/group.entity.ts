import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type GroupKind = 'region' | 'hub' | 'theme';
export type GroupVisibility = 'public' | 'members' | 'private';

/** A forum space: a region's regional forum, a hub group or a thematic group. */
@Entity('forum_groups')
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 8 })
  kind: GroupKind;

  /** The region (regional forums; hub groups carry their hub's region too). */
  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  hubId: string | null;

  @Column({ type: 'varchar', length: 48, nullable: true })
  themeKey: string | null;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 8, default: 'public' })
  visibility: GroupVisibility;

  @Column({ type: 'varchar', length: 35 })
  defaultLanguage: string;

  @Column({ type: 'boolean', default: false })
  holdFirstPosts: boolean;

  /** Live threads that are not held for approval; kept by a trigger on forum_threads. */
  @Column({ type: 'integer', default: 0, insert: false, update: false })
  threadCount: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
