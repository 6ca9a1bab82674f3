import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

// For oversight-queries: the bulk load of a million issues by INSERT … SELECT, and a description of what it made.

interface DataSize {
  issues: number;
  overdue: number;
  units: number;
}

async function loadReference(db: Client, size: DataSize): Promise<void> {
  await db.query(`
    INSERT INTO regions (code, name, parent_code) VALUES ('520000', 'Province', NULL);
    INSERT INTO regions (code, name, parent_code)
      SELECT '52' || lpad(p::text, 2, '0') || '00', 'Prefecture ' || p, '520000' FROM generate_series(1, 10) p;
    INSERT INTO regions (code, name, parent_code)
      SELECT '52' || lpad(p::text, 2, '0') || lpad(c::text, 2, '0'), 'County ' || p || '-' || c,
             '52' || lpad(p::text, 2, '0') || '00'
        FROM generate_series(1, 10) p, generate_series(1, 99) c;
    INSERT INTO categories (code, name) SELECT 'cat-' || lpad(c::text, 2, '0'), 'Category ' || c FROM generate_series(1, 40) c;
    INSERT INTO units (code, name, kind, region_code, parent_code)
      VALUES ('bench-inspection', '州委督查室', 'inspection_office', '520000', NULL);
    INSERT INTO units (code, name, kind, region_code, parent_code)
      SELECT 'pref-' || lpad(p::text, 2, '0'), 'Prefecture government ' || p, 'government',
             '52' || lpad(p::text, 2, '0') || '00', 'bench-inspection'
        FROM generate_series(1, 10) p;
  `);
  await db.query(
    `INSERT INTO units (code, name, kind, region_code, parent_code)
       SELECT 'u-' || lpad(n::text, 5, '0'), 'Unit ' || n, (ARRAY['government', 'party_committee', 'department'])[1 + n % 3],
              '52' || lpad((ci / 99 + 1)::text, 2, '0') || lpad((ci % 99 + 1)::text, 2, '0'),
              'pref-' || lpad((ci / 99 + 1)::text, 2, '0')
         FROM (SELECT n, (n - 1) % 990 AS ci FROM generate_series(1, $1::int) n) s`,
    [size.units - 11],
  );
}

/** One INSERT … SELECT for every issue; classes are scattered by a permutation of the row number. */
async function loadIssues(db: Client, size: DataSize): Promise<void> {
  const leadUnits = size.units - 11;
  const open = Math.round(size.issues * 0.2);
  await db.query(
    `CREATE TEMP TABLE pick AS
       SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, code, region_code FROM units WHERE code LIKE 'u-%'`,
  );
  await db.query(
    `INSERT INTO issues (reference_no, kind, title, description, category_code, region_code, severity, source,
                         location, evidence, status, lead_unit, co_units, filed_by, filed_at, assigned_at,
                         acknowledged_at, due_at, original_due_at, clock_started_at, overdue, escalation_level,
                         is_key, closed_at, deadline_version, next_timer_at, remind_from_at, remind_last_at)
     SELECT 'DH-' || lpad(g::text, 8, '0'),
            CASE WHEN r4 < 0.05 THEN 'proposal' ELSE 'supervision' END,
            'Issue ' || g || ' found on a supervision visit',
            'The village road was cut by a landslide in June and has not been repaired; households walk around '
              || 'it on the hillside. Reported by the team on visit ' || g || '.',
            'cat-' || lpad(cat::text, 2, '0'), lead_region,
            (ARRAY['general', 'general', 'general', 'major', 'major', 'urgent'])[1 + g % 6],
            CASE WHEN r4 < 0.05 THEN 'proposal'
                 ELSE (ARRAY['unannounced_visit', 'spot_check', 'symposium', 'consultation'])[1 + g % 4] END,
            jsonb_build_object('township', '屯脚镇', 'village', '大山村' || g % 300),
            jsonb_build_array(jsonb_build_object('type', 'photo', 'uri', 'https://example.org/p/' || g || '.jpg')),
            status,
            CASE WHEN has_unit THEN lead_code END,
            CASE WHEN has_unit AND co_code IS NOT NULL AND co_code <> lead_code THEN ARRAY[co_code] ELSE '{}' END,
            'sup-' || g % 500,
            filed,
            CASE WHEN has_unit THEN filed + interval '1 hour' END,
            CASE WHEN has_unit AND status <> 'assigned' THEN filed + interval '5 hours' END,
            CASE WHEN has_unit THEN due END,
            CASE WHEN has_unit THEN due END,
            CASE WHEN has_unit THEN filed + interval '1 hour' END,
            overdue, level, random() < 0.02, closed,
            CASE WHEN has_unit THEN 1 ELSE 0 END,
            CASE WHEN cls = 'late' THEN due + (level + 1) * interval '1 day'
                 WHEN cls = 'open' AND has_unit AND status <> 'rectification_submitted' THEN due END,
            CASE WHEN cls = 'open' AND has_unit THEN filed + (due - filed) * 0.5 END,
            CASE WHEN cls = 'open' AND has_unit THEN filed + (due - filed) * 0.8 END
       FROM (SELECT gen.*, lead.code AS lead_code, lead.region_code AS lead_region, co.code AS co_code
               FROM (SELECT g, CASE WHEN k < $2 THEN 'late' WHEN k < $3 THEN 'open' ELSE 'done' END AS cls,
                            random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                            floor(power(random(), 2.5) * $4)::int AS lead_n,
                            CASE WHEN random() < 0.1 THEN floor(power(random(), 2.5) * $4)::int END AS co_n,
                            1 + g % 40 AS cat
                       FROM (SELECT g, (g::bigint * 7919) % $1 AS k FROM generate_series(0, $1::int - 1) g) s) gen
               JOIN pick lead ON lead.n = gen.lead_n
               LEFT JOIN pick co ON co.n = gen.co_n) x
       CROSS JOIN LATERAL (
         SELECT CASE cls
                  WHEN 'late' THEN CASE WHEN r1 < 0.25 THEN 'assigned' ELSE 'in_progress' END
                  WHEN 'open' THEN CASE WHEN r1 < 0.01 THEN 'filed' WHEN r1 < 0.03 THEN 'triage'
                                        WHEN r1 < 0.28 THEN 'assigned' WHEN r1 < 0.88 THEN 'in_progress'
                                        ELSE 'rectification_submitted' END
                  ELSE CASE WHEN r1 < 0.97 THEN 'closed' ELSE 'withdrawn' END
                END AS status,
                CASE cls
                  WHEN 'late' THEN now() - interval '1 minute' - r2 * interval '90 days'
                  WHEN 'open' THEN now() + interval '1 hour' + r2 * interval '30 days'
                  ELSE now() - interval '30 days' - r2 * interval '1095 days' + (10 + 20 * r4) * interval '1 day'
                END AS due) a
       CROSS JOIN LATERAL (
         SELECT status NOT IN ('filed', 'triage') AS has_unit,
                CASE WHEN cls = 'open' THEN now() - r4 * interval '20 days'
                     ELSE due - (10 + 20 * r4) * interval '1 day' END AS filed,
                CASE WHEN status = 'closed' THEN due - interval '5 days' + r3 * interval '7 days' END AS closed,
                CASE cls WHEN 'late' THEN true WHEN 'open' THEN false ELSE r3 > 5.0 / 7 END AS overdue,
                CASE cls WHEN 'late' THEN CASE WHEN r3 < 0.3 THEN 0 WHEN r3 < 0.65 THEN 1 WHEN r3 < 0.85 THEN 2 ELSE 3 END
                         WHEN 'done' THEN CASE WHEN r3 > 0.9 THEN 1 ELSE 0 END
                         ELSE 0 END AS level) b
      ORDER BY filed`,
    [size.issues, size.overdue, open, leadUnits],
  );
}

export async function load(db: Client, size: DataSize) {
  const timings: Record<string, number> = {};
  const time = async (what: string, step: () => Promise<unknown>) => {
    const started = performance.now();
    await step();
    timings[what] = (performance.now() - started) / 1000;
    console.log(`  ${what}: ${timings[what].toFixed(1)} s`);
  };
  await db.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SELECT setseed(0.42)`);
  // Loading only: the generated rows are consistent by construction, and the triggers would triple the cost.
  await db.query(`SET session_replication_role = replica`);
  await time('reference data', () => loadReference(db, size));
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = 'issues'
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'issues'::regclass)`,
  );
  for (const { name } of indexes) await db.query(`DROP INDEX ${name}`);
  await time(`insert ${size.issues} issues`, () => loadIssues(db, size));
  await time(`re-create ${indexes.length} secondary indexes`, async () => {
    for (const { definition } of indexes) await db.query(definition);
  });
  await db.query(`SET session_replication_role = DEFAULT`);
  // One statement per query: a multi-statement string is one implicit transaction, which VACUUM refuses.
  await time('VACUUM ANALYZE', async () => {
    for (const table of ['issues', 'units', 'regions', 'categories']) await db.query(`VACUUM (ANALYZE) ${table}`);
  });
  return { timings, indexes: indexes.map((index) => index.definition) };
}

export async function describeData(db: Client) {
  const { rows: classes } = await db.query<{ status: string; overdue: boolean; n: string }>(
    `SELECT status, overdue, count(*) AS n FROM issues GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const { rows: levels } = await db.query<{ level: number; n: string }>(
    `SELECT escalation_level AS level, count(*) AS n FROM issues
      WHERE overdue AND status NOT IN ('closed', 'withdrawn') GROUP BY 1 ORDER BY 1`,
  );
  const { rows: perUnit } = await db.query<{ unit: string; open: string; overdue: string; total: string }>(
    `SELECT lead_unit AS unit, count(*) FILTER (WHERE status NOT IN ('closed', 'withdrawn')) AS open,
            count(*) FILTER (WHERE overdue AND status NOT IN ('closed', 'withdrawn')) AS overdue, count(*) AS total
       FROM issues WHERE lead_unit IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const withOpen = perUnit.filter((row) => Number(row.open) > 0);
  const busy = withOpen[0];
  const typical = withOpen[Math.floor(withOpen.length / 2)];
  const { rows: coBusy } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM issues WHERE co_units @> ARRAY[$1]::text[] AND status NOT IN ('closed', 'withdrawn')`,
    [busy.unit],
  );
  const { rows: size } = await db.query<{ table: string; total: string }>(
    `SELECT pg_size_pretty(pg_relation_size('issues')) AS table, pg_size_pretty(pg_total_relation_size('issues')) AS total`,
  );
  const unitRow = (row: { unit: string; open: string; overdue: string; total: string }) => ({
    unit: row.unit,
    open: Number(row.open),
    overdue: Number(row.overdue),
    total: Number(row.total),
  });
  return {
    byStatus: classes.map((row) => ({ status: row.status, overdue: row.overdue, n: Number(row.n) })),
    openOverdueByLevel: Object.fromEntries(levels.map((row) => [row.level, Number(row.n)])),
    unitsWithOpenIssues: withOpen.length,
    busyUnit: { ...unitRow(busy), openAsCoUnit: Number(coBusy[0].n) },
    typicalUnit: unitRow(typical),
    size: size[0],
  };
}
