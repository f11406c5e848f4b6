import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type DirectoryVisibility = 'hidden' | 'hubs' | 'members';

/** Community additions to a member's account. No row means the defaults (hidden from the directory). */
@Entity('member_profiles')
export class MemberProfileEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  pronouns: string | null;

  @Column({ type: 'text', default: '' })
  bio: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themeKeys: string[];

  @Column({ type: 'boolean', default: false })
  reducedMotion: boolean;

  @Column({ type: 'boolean', default: false })
  largerText: boolean;

  @Column({ type: 'varchar', length: 8, default: 'hidden' })
  directoryVisibility: DirectoryVisibility;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
