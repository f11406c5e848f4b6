import { CreateDateColumn, Column, Entity, PrimaryColumn } from 'typeorm';

/** A member invited to a series of visibility `invited`. */
@Entity('meeting_invitations')
export class MeetingInvitationEntity {
  @PrimaryColumn({ type: 'uuid' })
  seriesId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
