import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'calendar_days' })
export class CalendarDayEntity {
  /** A local date, YYYY-MM-DD; pg returns `date` columns as strings (see the type parser in data-source.ts). */
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 16 })
  type: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
