import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IssueEventType, Role } from '@app/domain';

@Entity({ name: 'issue_events' })
export class IssueEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  type: IssueEventType;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_username', type: 'varchar', length: 64 })
  actorUsername: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: Role | null;

  /** The lead unit when the event happened: assessment charges it. */
  @Column({ name: 'lead_unit', type: 'varchar', length: 64, nullable: true })
  leadUnit: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;
}
