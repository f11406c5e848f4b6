import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role, RoleScope } from '@anyam/shared/domain';

/** A role a member holds, network-wide or within one region, hub or organisation. */
@Entity('role_grants')
@Index(['memberId'])
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 16 })
  scope: RoleScope;

  @Column({ type: 'uuid', nullable: true })
  scopeId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
