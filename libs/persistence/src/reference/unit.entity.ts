import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { UnitKind } from '@app/domain';

@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: UnitKind;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 64, nullable: true })
  parentCode: string | null;

  /** A retired one stays for the record (its history, its issues) but takes nothing new. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
