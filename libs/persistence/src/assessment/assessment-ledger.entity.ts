import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'assessment_ledger' })
export class AssessmentLedgerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ name: 'evaluation_id', type: 'uuid', nullable: true })
  evaluationId: string | null;

  @Column({ name: 'issue_id', type: 'uuid', nullable: true })
  issueId: string | null;

  @Column({ name: 'unit_code', type: 'varchar', length: 64 })
  unit: string;

  @Column({ type: 'text' })
  rule: string;

  @Column({ name: 'rule_index', type: 'integer' })
  ruleIndex: number;

  @Column({ name: 'rule_version', type: 'integer' })
  ruleVersion: number;

  @Column({ type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  points: number;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 4 })
  period: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
