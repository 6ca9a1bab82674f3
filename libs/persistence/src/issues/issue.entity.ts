import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EvidenceType, IssueKind, IssueSource, IssueStatus, PlannedTimer, Severity } from '@app/domain';

export interface IssueLocation {
  township?: string;
  village?: string;
  lat?: number;
  lng?: number;
}

export interface EvidenceItem {
  type: EvidenceType;
  uri?: string;
  description?: string;
  /** An uploaded file the item cites; the service fills in its name, type and size. */
  attachmentId?: string;
  filename?: string;
  contentType?: string;
  size?: number;
}

@Entity({ name: 'issues' })
export class IssueEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'reference_no', type: 'varchar', length: 32 })
  referenceNo: string;

  @Column({ type: 'varchar', length: 16 })
  kind: IssueKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'category_code', type: 'varchar', length: 64 })
  category: string;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'varchar', length: 16 })
  severity: Severity;

  @Column({ type: 'varchar', length: 32 })
  source: IssueSource;

  @Column({ type: 'jsonb' })
  location: IssueLocation;

  @Column({ type: 'jsonb' })
  evidence: EvidenceItem[];

  @Column({ type: 'varchar', length: 32 })
  status: IssueStatus;

  @Column({ name: 'lead_unit', type: 'varchar', length: 64, nullable: true })
  leadUnit: string | null;

  @Column({ name: 'co_units', type: 'text', array: true })
  coUnits: string[];

  @Column({ name: 'returned_by_units', type: 'text', array: true })
  returnedByUnits: string[];

  @Column({ name: 'return_count', type: 'integer' })
  returnCount: number;

  @Column({ name: 'filed_by', type: 'varchar', length: 64 })
  filedBy: string;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt: Date;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledge_due_at', type: 'timestamptz', nullable: true })
  acknowledgeDueAt: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'boolean' })
  overdue: boolean;

  @Column({ name: 'escalation_level', type: 'integer' })
  escalationLevel: number;

  @Column({ name: 'reopen_count', type: 'integer' })
  reopenCount: number;

  @Column({ name: 'is_key', type: 'boolean' })
  isKey: boolean;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Bumped whenever a deadline moves, so timers set for an older one do nothing. */
  @Column({ name: 'deadline_version', type: 'integer' })
  deadlineVersion: number;

  @Column({ type: 'integer' })
  version: number;

  /** When the current resolve window began: assignment, reopening or an approved extension. */
  @Column({ name: 'clock_started_at', type: 'timestamptz', nullable: true })
  clockStartedAt: Date | null;

  /** The due time before any extension, kept for the assessment. */
  @Column({ name: 'original_due_at', type: 'timestamptz', nullable: true })
  originalDueAt: Date | null;

  @Column({ name: 'rectification_submitted_at', type: 'timestamptz', nullable: true })
  rectificationSubmittedAt: Date | null;

  @Column({ name: 'verify_due_at', type: 'timestamptz', nullable: true })
  verifyDueAt: Date | null;

  /** The timers of the current deadline version, and which of them have fired. */
  @Column({ name: 'timer_plan', type: 'jsonb' })
  timerPlan: PlannedTimer[];

  @Column({ name: 'timers_fired', type: 'text', array: true })
  timersFired: string[];

  @Column({ name: 'next_timer_at', type: 'timestamptz', nullable: true })
  nextTimerAt: Date | null;

  @Column({ name: 'remind_from_at', type: 'timestamptz', nullable: true })
  remindFromAt: Date | null;

  @Column({ name: 'remind_last_at', type: 'timestamptz', nullable: true })
  remindLastAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
