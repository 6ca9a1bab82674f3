import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A democratic evaluation of a unit for a period (YYYY or YYYY-Qn). */
@Entity({ name: 'assessment_evaluations' })
export class AssessmentEvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 64 })
  unit: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'evaluated_by', type: 'varchar', length: 64 })
  evaluatedBy: string;

  /** The instant its points count at: the end of the period. */
  @Column({ name: 'counts_at', type: 'timestamptz' })
  countsAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
