import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarKind, Severity } from '@app/domain';

export interface EscalationStep {
  after: string;
  level: number;
}

@Entity({ name: 'deadline_policies' })
export class DeadlinePolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  severity: Severity;

  @Column({ name: 'category_code', type: 'varchar', length: 64, nullable: true })
  category: string | null;

  @Column({ type: 'varchar', length: 16 })
  calendar: CalendarKind;

  @Column({ name: 'acknowledge_within', type: 'varchar', length: 64 })
  acknowledgeWithin: string;

  @Column({ name: 'resolve_within', type: 'varchar', length: 64 })
  resolveWithin: string;

  @Column({ name: 'remind_at', type: 'double precision', array: true })
  remindAt: number[];

  @Column({ type: 'jsonb' })
  escalations: EscalationStep[];

  @Column({ name: 'verify_within', type: 'varchar', length: 64 })
  verifyWithin: string;

  @Column({ name: 'max_returns', type: 'integer' })
  maxReturns: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The rules of a policy an issue keeps from its assignment: a later change to the policy leaves it as it was. */
export type PolicyTerms = Pick<
  DeadlinePolicyEntity,
  'calendar' | 'acknowledgeWithin' | 'resolveWithin' | 'remindAt' | 'escalations' | 'verifyWithin' | 'maxReturns'
>;
