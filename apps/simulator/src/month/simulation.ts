import { Cast } from '../cast';
import { streamFactory } from '../prng';
import { dealProfiles, ProfileName } from '../scenario/profiles';
import { Agenda } from './agenda';
import { Handlers } from './handlers';
import { Inspector } from './inspector';
import { Requests } from './requests';
import { Supervisors } from './supervisors';
import { SimulationOptions, World } from './world';

// The month itself: each day's filings and the habits of everyone involved (handlers check their inboxes,
// supervisors look for rectifications to verify, the inspector reads triage and the overdue board), a line per day,
// and at the end what the run did.

export interface DayRecord {
  day: number;
  filed: number;
  filedTotal: number;
  open: number;
  overdue: number;
  byLevel: Record<string, number>;
  acceptedTotal: number;
  maxLagMs: number;
}

export interface SimulationResult {
  profiles: Record<string, ProfileName>;
  counters: Record<string, number>;
  stale: Record<string, number>;
  errors: { what: string; message: string }[];
  errorCount: number;
  daily: DayRecord[];
  lagMs: number[];
  /** Per action or read: the milliseconds each request took. */
  latency: Record<string, number[]>;
  evaluations: unknown[];
  filed: number;
  startedAt: string;
  endedAt: string;
  /** The real instant at which the simulated month ended. */
  simEnd: Date;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export class Simulation {
  private readonly world: World;
  private readonly supervisors: Supervisors;
  private readonly handlers: Handlers;
  private readonly inspector: Inspector;
  private readonly daily: DayRecord[] = [];
  private issueNo = 0;

  constructor(cast: Cast, options: SimulationOptions) {
    const stream = streamFactory(options.seed);
    const requests = new Requests(cast);
    const agenda = new Agenda(options.dayMs, (label, error) => requests.error(label, error));
    const profiles = dealProfiles([...cast.handlers.keys()], stream('profiles'));
    this.world = new World(cast, options, stream, agenda, requests, profiles);
    this.supervisors = new Supervisors(this.world);
    this.inspector = new Inspector(this.world);
    this.handlers = new Handlers(this.world, this.inspector);
  }

  async run(): Promise<SimulationResult> {
    const { world, supervisors, handlers, inspector } = this;
    const { agenda, cast, requests } = world;
    const { days } = world.options;
    const startedAt = new Date();
    agenda.begin();
    const rng = world.stream('cadence');

    for (let day = 0; day < days; day++) this.planDay(day);
    for (const [unit, username] of cast.handlers) {
      const period = 1 / world.profileOf(unit).checksPerDay;
      agenda.every(rng.uniform(0, Math.min(period, 1)), period, 'inbox', `inbox:${unit}`, () =>
        handlers.inboxCheck(unit, username),
      );
    }
    for (const supervisor of cast.supervisors) {
      agenda.every(rng.uniform(0.1, 0.5), 0.5, 'verify-check', `verify:${supervisor}`, () =>
        supervisors.verificationCheck(supervisor),
      );
    }
    agenda.every(0.05, 1 / 3, 'triage-check', 'triage', () => inspector.triageCheck());

    const simEnd = await agenda.runFor(days);
    await this.recordDay(days - 1);

    const evaluations = await inspector.democraticEvaluations();
    agenda.stop();
    const profiles: Record<string, ProfileName> = {};
    for (const [unit, profile] of [...world.profiles.entries()].sort()) profiles[unit] = profile.name;
    return {
      profiles,
      counters: requests.counters,
      stale: requests.stale,
      errors: requests.errors,
      errorCount: requests.errorCount,
      daily: this.daily,
      lagMs: agenda.lagMs,
      latency: requests.latency,
      evaluations,
      filed: supervisors.filedTotal,
      startedAt: startedAt.toISOString(),
      endedAt: new Date().toISOString(),
      simEnd,
    };
  }

  /** A day's filings at their times of day; from the second day on, the inspector's morning reading of the board. */
  private planDay(day: number): void {
    const rng = this.world.stream('day', day);
    const { agenda } = this.world;
    const weekday = day % 7;
    const count = weekday < 5 ? rng.int(12, 20) : rng.int(4, 8);
    const times = Array.from({ length: count }, () => day + rng.uniform(0.05, 0.92)).sort((a, b) => a - b);
    for (const at of times) {
      const n = ++this.issueNo;
      agenda.schedule(at, 'file', `file:${n}`, () => this.supervisors.file(n, day));
    }
    if (day > 0) {
      agenda.schedule(day, 'summary', 'summary', () => this.recordDay(day - 1));
      agenda.schedule(day + 0.02, 'overdue-board', 'board', () => this.inspector.overdueBoard());
    }
  }

  private async recordDay(day: number): Promise<void> {
    const summary = await this.world.requests.get<{
      items: { open: number; overdue: number; byLevel: Record<string, number> }[];
    }>(this.world.cast.inspector, '/oversight/summary');
    const items = summary?.items ?? [];
    const byLevel: Record<string, number> = {};
    for (const item of items) {
      for (const [level, n] of Object.entries(item.byLevel ?? {})) byLevel[level] = (byLevel[level] ?? 0) + n;
    }
    const record: DayRecord = {
      day: day + 1,
      filed: this.supervisors.filedByDay[day] ?? 0,
      filedTotal: this.supervisors.filedByDay.slice(0, day + 1).reduce((sum, n) => sum + (n ?? 0), 0),
      open: items.reduce((sum, item) => sum + item.open, 0),
      overdue: items.reduce((sum, item) => sum + item.overdue, 0),
      byLevel,
      acceptedTotal: this.world.requests.counters.accept ?? 0,
      maxLagMs: Math.round(this.world.agenda.takeDayLag()),
    };
    this.daily.push(record);
    const levels = ['1', '2', '3'].map((level) => `L${level} ${String(byLevel[level] ?? 0).padStart(3)}`).join('  ');
    this.world.cast.log(
      `day ${String(record.day).padStart(2)} ${WEEKDAYS[day % 7]}  filed ${String(record.filed).padStart(2)} ` +
        `(total ${String(record.filedTotal).padStart(3)})  open ${String(record.open).padStart(3)}  ` +
        `overdue ${String(record.overdue).padStart(3)}  [${levels}]  accepted ${String(record.acceptedTotal).padStart(3)}  ` +
        `returned ${String(this.world.requests.counters.return ?? 0).padStart(2)}  reopened ${String(this.world.requests.counters.reject ?? 0).padStart(2)}  ` +
        `max lag ${record.maxLagMs} ms`,
    );
  }
}
