import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelDeliveryStatus = 'pending' | 'sent' | 'dead';

/** One notification to one person through one channel. Its id is the idempotency key the receiver sees. */
@Entity({ name: 'notification_deliveries' })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  /** The username. */
  @Column({ type: 'varchar', length: 64 })
  recipient: string;

  @Column({ type: 'varchar', length: 254 })
  address: string;

  @Column({ type: 'varchar', length: 16 })
  status: ChannelDeliveryStatus;

  @Column({ name: 'deliver_after', type: 'timestamptz' })
  deliverAfter: Date;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
