import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ScoringRule } from '@app/domain';

/** Rules are data and versioned: a change applies to events after it, and each ledger row names its version. */
@Entity({ name: 'assessment_rule_sets' })
export class AssessmentRuleSetEntity {
  @PrimaryGeneratedColumn()
  version: number;

  @Column({ type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  base: number;

  @Column({ type: 'jsonb' })
  rules: ScoringRule[];

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
