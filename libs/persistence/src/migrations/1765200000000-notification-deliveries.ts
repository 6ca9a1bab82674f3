import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications reach people by e-mail and SMS: one delivery per (notification, channel, recipient), written in the
 * notification's own transaction. Its id is the idempotency key the receiver sees (Message-ID, X-Event-Id).
 */
export class NotificationDeliveries1765200000000 implements MigrationInterface {
  name = 'NotificationDeliveries1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        channel varchar(16) NOT NULL CHECK (channel IN ('email', 'sms')),
        recipient varchar(64) NOT NULL,
        -- The address as stored when the notification was made: every retry goes to the same place.
        address varchar(254) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
        deliver_after timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        -- While a sender holds it: a second job for the same delivery (a requeue) does not send it alongside.
        lease_until timestamptz,
        last_error text,
        last_attempt_at timestamptz,
        -- What the receiver answered: the SMTP reply or the gateway's status and body.
        response text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_deliveries_once UNIQUE (notification_id, channel, recipient)
      );
      -- The reconciler's sweep for deliveries whose job was lost.
      CREATE INDEX notification_deliveries_pending_idx ON notification_deliveries (deliver_after)
        WHERE status = 'pending';
      -- The admin's list, newest first, all or by status (the dead ones are what a person must see).
      CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at DESC, id DESC);
      CREATE INDEX notification_deliveries_status_idx ON notification_deliveries (status, created_at DESC, id DESC);
      -- A unit's active people, whom each of its notifications reaches.
      CREATE INDEX users_unit_active_idx ON users (unit_code) WHERE active;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX users_unit_active_idx;
      DROP TABLE notification_deliveries;
    `);
  }
}
