import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type GroupRole = 'member' | 'moderator';

/** Invited members of a private group, and per-group moderators. */
@Entity('forum_group_members')
export class GroupMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 12, default: 'member' })
  role: GroupRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
