import { AgencyRole } from '@consulta/shared';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('agency_memberships')
export class AgencyMembershipEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: AgencyRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
