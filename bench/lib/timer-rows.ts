import { Client } from 'pg';

// For timer-precision: reference rows and pending timers written straight into PostgreSQL, as the service would
// write them.

export const UNIT = 'bench-gov';

const ISO = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function seedReference(db: Client): Promise<void> {
  await db.query(`
    INSERT INTO regions (code, name, parent_code) VALUES ('522300', '黔西南州', NULL), ('522301', '兴义市', '522300');
    INSERT INTO categories (code, name) VALUES ('rural_roads', '农村公路管护');
    INSERT INTO units (code, name, kind, region_code, parent_code) VALUES
      ('bench-inspection', '州委督查室', 'inspection_office', '522300', NULL),
      ('bench-party', '中共兴义市委', 'party_committee', '522301', 'bench-inspection'),
      ('${UNIT}', '兴义市人民政府', 'government', '522301', 'bench-party');
    INSERT INTO routing_rules (region_code, lead_unit) VALUES ('522301', '${UNIT}');
    -- no reminders and one escalation a day after the due time: each seeded issue has one pending timer
    INSERT INTO deadline_policies (severity, calendar, acknowledge_within, resolve_within, remind_at, escalations)
      VALUES ('major', 'natural', 'P1D', 'P10D', '{}', '[{"after": "PT24H", "level": 1}]');
  `);
}

/**
 * Writes `count` assigned issues whose only pending timer is `escalate-1`, at firstMs + i·spacingMs, and the
 * outbox row for each, in one transaction (one NOTIFY wakes the relay).
 */
export async function insertTimers(db: Client, tag: string, count: number, firstMs: number, spacingMs: number) {
  await db.query(
    `WITH gen AS (
       SELECT g, 'epoch'::timestamptz + ($3::bigint + floor((g - 1) * $4::float8)::bigint) * interval '1 millisecond' AS at
         FROM generate_series(1, $2::int) g
     ), ins AS (
       INSERT INTO issues (reference_no, kind, title, description, category_code, region_code, severity, source,
                           status, lead_unit, filed_by, filed_at, assigned_at, acknowledge_due_at, due_at,
                           original_due_at, clock_started_at, overdue, escalation_level, timer_plan, timers_fired,
                           next_timer_at, deadline_version)
       SELECT $1 || '-' || g, 'supervision', 'Timer bench ' || g, 'The landslide in June cut the road.',
              'rural_roads', '522301', 'major', 'unannounced_visit', 'assigned', '${UNIT}', 'bench-supervisor',
              at - interval '11 days', at - interval '11 days', NULL, at - interval '24 hours',
              at - interval '24 hours', at - interval '11 days', true, 0,
              jsonb_build_array(jsonb_build_object('step', 'due', 'at', ${ISO(`at - interval '24 hours'`)}),
                                jsonb_build_object('step', 'escalate-1', 'at', ${ISO('at')})),
              '{due}', at, 1
         FROM gen
       RETURNING id, next_timer_at
     )
     INSERT INTO outbox (queue, job_name, payload, delay_until)
     SELECT 'deadlines', 'fire-timer',
            jsonb_build_object('issueId', id, 'deadlineVersion', 1, 'step', 'escalate-1',
                               'jobId', 'deadline-' || id || '-1-escalate-1'),
            next_timer_at
       FROM ins`,
    [tag, count, firstMs, spacingMs],
  );
}

export async function unpublished(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
  return Number(rows[0].n);
}
