import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'routing_rules' })
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'category_code', type: 'varchar', length: 64, nullable: true })
  category: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 6, nullable: true })
  regionCode: string | null;

  @Column({ name: 'lead_unit', type: 'varchar', length: 64 })
  leadUnit: string;

  @Column({ name: 'co_units', type: 'text', array: true, default: () => "'{}'" })
  coUnits: string[];

  @Column({ type: 'integer', default: 0 })
  priority: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
