import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A published bulletin (通报): the snapshot taken when it was made, never recomputed. */
@Entity({ name: 'bulletins' })
export class BulletinEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** `YYYY-MM` or `YYYY-Qn`, unique; null for a special bulletin over chosen dates. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  period: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: 'month' | 'quarter' | 'special';

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'frozen_at', type: 'timestamptz' })
  frozenAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  /** How long the snapshot took to build, for the record and the bench. */
  @Column({ name: 'build_ms', type: 'integer' })
  buildMs: number;

  /** The sections as they were at `frozenAt`. */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;
}
