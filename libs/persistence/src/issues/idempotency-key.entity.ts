import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
