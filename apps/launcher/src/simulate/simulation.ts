import { ApiClient } from './http';
import { Rng, streamFactory } from './prng';
import {
  CATEGORY_REGIONS,
  CATEGORY_WEIGHTS,
  Filing,
  PLACES,
  POLICY_DAYS,
  PREFECTURE,
  PROFILE_SHARES,
  PROFILES,
  PROGRESS_NOTES,
  Profile,
  ProfileName,
  SEVERITY_ACK_FACTOR,
  Severity,
  proposalFiling,
  rectificationSummary,
  supervisionFiling,
} from './scenario';

// The month itself: supervisors file, unit handlers work their inboxes, filers verify, the inspector routes triage,
// decides extensions and sends supervision notices. Every action is an HTTP call as that user. Time is the wall
// clock: simulated day d runs from t0 + d·dayMs, and the service's own timers (deadline policies in seconds) make
// issues overdue and escalate them while the simulated people take their time.

export interface SimulationOptions {
  days: number;
  dayMs: number;
  seed: number;
  /** The assessment year the democratic evaluations are for. */
  year: number;
}

/** The fields of an issue (or a board item) that the simulated people look at. */
interface IssueItem {
  id: string;
  referenceNo: string;
  status: string;
  leadUnit: string | null;
  coUnits: string[];
  assignedAt: string | null;
  acknowledgeDueAt: string | null;
  dueAt: string | null;
  reopenCount: number;
  returnCount: number;
  escalationLevel: number;
  version: number;
  overdueSeconds?: number;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Unit {
  code: string;
  name: string;
  kind: string;
  regionCode: string;
  parent: string | null;
}

export interface Cast {
  client: ApiClient;
  /** username → access token */
  tokens: Map<string, string>;
  inspector: string;
  supervisors: string[];
  /** CPPCC members among the supervisors: they file the proposals. */
  proposers: string[];
  /** unit code → the username of its handler */
  handlers: Map<string, string>;
  units: Map<string, Unit>;
  categories: Set<string>;
  /** category → the prefecture department a category-and-prefecture routing rule sends it to */
  categoryDepartment: Map<string, string>;
  log: (line: string) => void;
}

type Scenario = 'normal' | 'prefecture_level' | 'provincial_road' | 'wrong_category' | 'wrong_region' | 'proposal';

interface SimIssue {
  n: number;
  id: string;
  referenceNo: string;
  kind: 'supervision' | 'proposal';
  filer: string;
  category: string;
  regionCode: string;
  severity: Severity;
  scenario: Scenario;
  /** The unit that really must handle it; for a normal issue the first unit it reaches. */
  rightUnit?: string;
  /** Where the problem really is (differs from regionCode for a wrong_region filing). */
  trueRegion: string;
  village?: string;
  manual: boolean;
  returnedBy: Set<string>;
  assignKey?: string;
  resolveKey?: string;
  verifyKey?: string;
  triageKey?: string;
  coProgress: Set<string>;
  noticeLevels: Set<number>;
  closed: boolean;
}

interface Task {
  at: number;
  label: string;
  key: string;
  run: () => Promise<void>;
}

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

const TICKS_PER_DAY = 16;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const STALE_STATUSES = new Set([403, 404, 409, 412]);

export class Simulation {
  private readonly stream: (...parts: (string | number)[]) => Rng;
  private readonly agenda: Task[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly issues = new Map<string, SimIssue>();
  private readonly profiles = new Map<string, Profile>();
  private readonly counters: Record<string, number> = {};
  private readonly stale: Record<string, number> = {};
  private readonly errors: { what: string; message: string }[] = [];
  private errorCount = 0;
  private readonly daily: DayRecord[] = [];
  private readonly lagMs: number[] = [];
  private readonly latency: Record<string, number[]> = {};
  private dayLag = 0;
  private readonly filedByDay: number[] = [];
  private filedTotal = 0;
  private issueNo = 0;
  private t0 = 0;
  private stopped = false;
  private readonly counties: string[];
  private readonly govOf = new Map<string, string>();

  constructor(
    private readonly cast: Cast,
    private readonly options: SimulationOptions,
  ) {
    this.stream = streamFactory(options.seed);
    for (const unit of cast.units.values()) {
      if (unit.kind === 'government') this.govOf.set(unit.regionCode, unit.code);
    }
    this.counties = [...this.govOf.keys()].filter((code) => code !== PREFECTURE).sort();
    // Profiles: the units that handle issues, shuffled by the seed, dealt out in the configured shares.
    const workers = [...cast.handlers.keys()].sort();
    const shuffled = this.stream('profiles').shuffle(workers);
    let index = 0;
    for (const [name, share] of PROFILE_SHARES) {
      const count = name === 'negligent' ? shuffled.length - index : Math.round(share * shuffled.length);
      for (const unit of shuffled.slice(index, index + count)) this.profiles.set(unit, PROFILES[name]);
      index += count;
    }
  }

  profileOf(unit: string | null | undefined): Profile {
    return (unit && this.profiles.get(unit)) || PROFILES.steady;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Time and the agenda

  private now(): number {
    return (Date.now() - this.t0) / this.options.dayMs;
  }

  private realIso(day: number): string {
    return new Date(this.t0 + day * this.options.dayMs).toISOString();
  }

  private toSim(iso: string): number {
    return (Date.parse(iso) - this.t0) / this.options.dayMs;
  }

  private schedule(at: number, label: string, key: string, run: () => Promise<void>): void {
    this.agenda.push({ at, label, key, run });
  }

  /** A habit: `run` every `period` days; when one round takes longer than that, the next starts when it ends. */
  private every(first: number, period: number, label: string, key: string, run: () => Promise<void>): void {
    const step = async (at: number): Promise<void> => {
      await run();
      const next = Math.max(at + period, this.now());
      this.schedule(next, label, key, () => step(next));
    };
    this.schedule(first, label, key, () => step(first));
  }

  /** Tasks with the same key (one issue, one actor's check) run one after another; others run side by side. */
  private start(task: Task): void {
    const previous = this.chains.get(task.key) ?? Promise.resolve();
    const lag = Math.max(0, Date.now() - (this.t0 + task.at * this.options.dayMs));
    const next = previous.then(async () => {
      if (this.stopped) return;
      this.lagMs.push(lag);
      this.dayLag = Math.max(this.dayLag, lag);
      try {
        await task.run();
      } catch (error) {
        this.error(task.label, error);
      }
    });
    this.chains.set(task.key, next);
    this.inflight.add(next);
    void next.finally(() => {
      this.inflight.delete(next);
      if (this.chains.get(task.key) === next) this.chains.delete(task.key);
    });
  }

  private count(name: string, by = 1): void {
    this.counters[name] = (this.counters[name] ?? 0) + by;
  }

  private error(what: string, error: unknown): void {
    this.errorCount += 1;
    if (this.errors.length < 50)
      this.errors.push({ what, message: error instanceof Error ? error.message : String(error) });
  }

  /** One command as one user: the body on 2xx; null when the state moved on (403/404/409/412) or on error. */
  private async act<T = IssueItem>(
    label: string,
    username: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T | null> {
    const token = this.cast.tokens.get(username);
    if (!token) throw new Error(`no token for ${username}`);
    const started = Date.now();
    const response = await this.cast.client.request(method, `/api/v1${path}`, token, body, headers);
    (this.latency[label] ??= []).push(Date.now() - started);
    if (response.status >= 200 && response.status < 300) {
      this.count(label);
      return response.body as T;
    }
    if (STALE_STATUSES.has(response.status)) {
      this.stale[label] = (this.stale[label] ?? 0) + 1;
      return null;
    }
    this.error(
      label,
      new Error(`${method} ${path} as ${username}: ${response.status} ${JSON.stringify(response.body)}`),
    );
    return null;
  }

  private get<T>(username: string, path: string): Promise<T | null> {
    return this.act<T>(`read:${path.split('?')[0].replace(/[0-9a-f-]{36}/g, ':id')}`, username, 'GET', path);
  }

  // ---------------------------------------------------------------------------------------------------------
  // The run

  async run(): Promise<SimulationResult> {
    const { days, dayMs } = this.options;
    const startedAt = new Date();
    this.t0 = Date.now();
    const rng = this.stream('cadence');

    for (let day = 0; day < days; day++) this.planDay(day);
    for (const [unit, username] of this.cast.handlers) {
      const period = 1 / this.profileOf(unit).checksPerDay;
      this.every(rng.uniform(0, Math.min(period, 1)), period, 'inbox', `inbox:${unit}`, () =>
        this.inboxCheck(unit, username),
      );
    }
    for (const supervisor of this.cast.supervisors) {
      this.every(rng.uniform(0.1, 0.5), 0.5, 'verify-check', `verify:${supervisor}`, () =>
        this.verificationCheck(supervisor),
      );
    }
    this.every(0.05, 1 / 3, 'triage-check', 'triage', () => this.triageCheck());

    const tickMs = dayMs / TICKS_PER_DAY;
    for (;;) {
      const now = this.now();
      if (now >= days) break;
      const due = this.agenda.filter((task) => task.at <= now).sort((a, b) => a.at - b.at);
      if (due.length) {
        const dueSet = new Set(due);
        const rest = this.agenda.filter((task) => !dueSet.has(task));
        this.agenda.length = 0;
        this.agenda.push(...rest);
        for (const task of due) this.start(task);
      }
      const wait = this.t0 + (Math.floor(now * TICKS_PER_DAY) + 1) * tickMs - Date.now();
      await new Promise((done) => setTimeout(done, Math.max(1, wait)));
    }
    const simEnd = new Date(this.t0 + days * dayMs);
    // What is in flight finishes; what was planned for after the month never happens.
    this.agenda.length = 0;
    await Promise.all([...this.inflight]);
    await this.recordDay(days - 1);

    const evaluations = await this.democraticEvaluations();
    this.stopped = true;
    const profiles: Record<string, ProfileName> = {};
    for (const [unit, profile] of [...this.profiles.entries()].sort()) profiles[unit] = profile.name;
    return {
      profiles,
      counters: this.counters,
      stale: this.stale,
      errors: this.errors,
      errorCount: this.errorCount,
      daily: this.daily,
      lagMs: this.lagMs,
      latency: this.latency,
      evaluations,
      filed: this.filedTotal,
      startedAt: startedAt.toISOString(),
      endedAt: new Date().toISOString(),
      simEnd,
    };
  }

  /** A day's filings at their times of day; from the second day on, the inspector's morning reading of the board. */
  private planDay(day: number): void {
    const rng = this.stream('day', day);
    const weekday = day % 7;
    const count = weekday < 5 ? rng.int(12, 20) : rng.int(4, 8);
    const times = Array.from({ length: count }, () => day + rng.uniform(0.05, 0.92)).sort((a, b) => a - b);
    for (const at of times) {
      const n = ++this.issueNo;
      this.schedule(at, 'file', `file:${n}`, () => this.file(n, day));
    }
    if (day > 0) {
      this.schedule(day, 'summary', 'summary', () => this.recordDay(day - 1));
      this.schedule(day + 0.02, 'overdue-board', 'board', () => this.overdueBoard());
    }
  }

  private async recordDay(day: number): Promise<void> {
    const summary = await this.get<{ items: { open: number; overdue: number; byLevel: Record<string, number> }[] }>(
      this.cast.inspector,
      '/oversight/summary',
    );
    const items = summary?.items ?? [];
    const byLevel: Record<string, number> = {};
    for (const item of items) {
      for (const [level, n] of Object.entries(item.byLevel ?? {})) byLevel[level] = (byLevel[level] ?? 0) + n;
    }
    const record: DayRecord = {
      day: day + 1,
      filed: this.filedByDay[day] ?? 0,
      filedTotal: this.filedByDay.slice(0, day + 1).reduce((sum, n) => sum + (n ?? 0), 0),
      open: items.reduce((sum, item) => sum + item.open, 0),
      overdue: items.reduce((sum, item) => sum + item.overdue, 0),
      byLevel,
      acceptedTotal: this.counters.accept ?? 0,
      maxLagMs: Math.round(this.dayLag),
    };
    this.daily.push(record);
    this.dayLag = 0;
    const levels = ['1', '2', '3'].map((level) => `L${level} ${String(byLevel[level] ?? 0).padStart(3)}`).join('  ');
    this.cast.log(
      `day ${String(record.day).padStart(2)} ${WEEKDAYS[day % 7]}  filed ${String(record.filed).padStart(2)} ` +
        `(total ${String(record.filedTotal).padStart(3)})  open ${String(record.open).padStart(3)}  ` +
        `overdue ${String(record.overdue).padStart(3)}  [${levels}]  accepted ${String(record.acceptedTotal).padStart(3)}  ` +
        `returned ${String(this.counters.return ?? 0).padStart(2)}  reopened ${String(this.counters.reject ?? 0).padStart(2)}  ` +
        `max lag ${record.maxLagMs} ms`,
    );
  }

  // ---------------------------------------------------------------------------------------------------------
  // Supervisors and proposers

  private async file(n: number, day: number): Promise<void> {
    const rng = this.stream('file', n);
    const { cast } = this;
    const proposal = cast.proposers.length > 0 && rng.chance(0.12);
    let filing: Filing;
    let scenario: Scenario = 'normal';
    let rightUnit: string | undefined;
    let trueRegion: string;
    let filer: string;
    if (proposal) {
      filing = proposalFiling(rng, cast.categories);
      filer = rng.pick(cast.proposers);
      scenario = 'proposal';
      trueRegion = filing.regionCode;
    } else {
      filer = rng.pick(cast.supervisors);
      const category = rng.weighted(CATEGORY_WEIGHTS.filter(([code]) => cast.categories.has(code)));
      const allowed = (CATEGORY_REGIONS[category] ?? this.counties).filter((code) => this.govOf.has(code));
      trueRegion = rng.pick(allowed.length ? allowed : this.counties);
      let filedRegion = trueRegion;
      const roll = rng.next();
      const regionRouted = category === 'rural_roads' || category === 'rural_living_environment';
      if (regionRouted && roll < 0.04) {
        scenario = 'prefecture_level';
        filedRegion = PREFECTURE;
      } else if (category === 'rural_roads' && roll < 0.1 && cast.units.has('pref-transport')) {
        scenario = 'provincial_road';
        rightUnit = 'pref-transport';
      } else if (cast.categoryDepartment.has(category) && roll < 0.07) {
        scenario = 'wrong_category';
        rightUnit = this.govOf.get(trueRegion);
      } else if (regionRouted && roll < 0.13) {
        scenario = 'wrong_region';
        const others = this.counties.filter((code) => code !== trueRegion);
        filedRegion = rng.pick(others);
        rightUnit = this.govOf.get(trueRegion);
      }
      filing = supervisionFiling(rng, category, trueRegion, n);
      filing.regionCode = filedRegion;
      if (scenario === 'prefecture_level') delete filing.location;
    }
    const body = { ...filing };
    const issue = await this.act('file', filer, 'POST', '/issues', body, {
      'idempotency-key': `simulate-${this.options.seed}-${n}`,
    });
    if (!issue) return;
    this.filedByDay[day] = (this.filedByDay[day] ?? 0) + 1;
    this.filedTotal += 1;
    const sim: SimIssue = {
      n,
      id: issue.id,
      referenceNo: issue.referenceNo,
      kind: filing.kind,
      filer,
      category: filing.category,
      regionCode: filing.regionCode,
      severity: filing.severity,
      scenario,
      rightUnit,
      trueRegion,
      village: filing.location?.village,
      manual: false,
      returnedBy: new Set(),
      coProgress: new Set(),
      noticeLevels: new Set(),
      closed: false,
    };
    this.issues.set(sim.id, sim);
    const filedAt = this.now();
    if (rng.chance(0.015)) {
      this.schedule(filedAt + rng.uniform(0.1, 0.8), 'withdraw', sim.id, async () => {
        if (sim.closed) return;
        const done = await this.act('withdraw', filer, 'POST', `/issues/${sim.id}/withdraw`, {
          reason: '与此前提交的问题重复，予以撤回。',
        });
        if (done) sim.closed = true;
      });
    }
    if (sim.kind === 'proposal' && rng.chance(0.3)) {
      // A key proposal: a prefecture leader supervises its handling face to face.
      this.schedule(filedAt + rng.uniform(0.5, 2), 'key', sim.id, async () => {
        await this.act('key', cast.inspector, 'POST', `/issues/${sim.id}/key`, { isKey: true });
      });
      this.schedule(filedAt + rng.uniform(2.5, 5), 'notice:key', sim.id, async () => {
        await this.act('notice:key', cast.inspector, 'POST', `/issues/${sim.id}/supervision-notices`, {
          note: '州领导领衔督办重点提案：请主办单位当面汇报办理进展，按期办复。',
        });
      });
    }
  }

  private async verificationCheck(supervisor: string): Promise<void> {
    const page = await this.get<Page<IssueItem>>(
      supervisor,
      `/issues?status=rectification_submitted&filedBy=${supervisor}&limit=500`,
    );
    for (const item of page?.items ?? []) {
      const sim = this.issues.get(item.id);
      if (!sim) continue;
      const key = `${item.id}|${item.reopenCount}`;
      if (sim.verifyKey === key) continue;
      sim.verifyKey = key;
      const rng = this.stream('verify', sim.n, item.reopenCount);
      if (rng.chance(0.03)) {
        this.count('verification-lapsed'); // verifyWithin passes: the service accepts it by itself
        continue;
      }
      const profile = this.profileOf(item.leadUnit);
      const reject = rng.chance(profile.rejectProb * 0.5 ** item.reopenCount);
      const satisfaction = reject ? 'unsatisfied' : rng.weighted(profile.satisfaction);
      const comment = reject
        ? rng.pick([
            '整改不到位，现场问题依然存在。',
            '整改材料与现场情况不符，请重新整改。',
            '群众反映问题未根本解决。',
          ])
        : rng.pick(['经现场核查，整改到位。', '已回访群众，问题已解决。', '整改基本到位，请持续巩固。']);
      this.schedule(this.now() + rng.uniform(0.1, 1.8), 'verify', sim.id, async () => {
        if (sim.verifyKey !== key) return;
        const done = await this.act(
          reject ? 'reject' : 'accept',
          supervisor,
          'POST',
          `/issues/${sim.id}/verification`,
          { outcome: reject ? 'rejected' : 'accepted', satisfaction, comment },
        );
        if (done && !reject) sim.closed = true;
      });
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Unit handlers

  private async inboxCheck(unit: string, username: string): Promise<void> {
    const page = await this.get<Page<IssueItem>>(username, `/units/${unit}/inbox?limit=500`);
    for (const item of page?.items ?? []) {
      const sim = this.issues.get(item.id);
      if (!sim) continue;
      if (item.leadUnit === unit) {
        if (item.status === 'assigned') {
          const key = `${unit}|${item.acknowledgeDueAt ?? item.assignedAt ?? item.version}`;
          if (sim.assignKey !== key) this.planAssignment(sim, unit, username, item, key);
        } else if (item.status === 'in_progress') {
          const key = `${unit}|${item.reopenCount}`;
          if (sim.resolveKey !== key) this.planResolution(sim, unit, username, item);
        }
      } else if (item.coUnits?.includes(unit) && item.status === 'in_progress' && !sim.coProgress.has(unit)) {
        sim.coProgress.add(unit);
        const rng = this.stream('co-unit', sim.n, unit);
        if (rng.chance(this.profileOf(unit).progressProb * 0.5)) {
          this.schedule(this.now() + rng.uniform(0.1, 1.5), 'progress:co-unit', sim.id, async () => {
            await this.act('progress:co-unit', username, 'POST', `/issues/${sim.id}/progress`, {
              note: '协办单位：已按职责配合开展核查，相关情况已报主办单位。',
            });
          });
        }
      }
    }
  }

  private planAssignment(sim: SimIssue, unit: string, username: string, item: IssueItem, key: string): void {
    sim.assignKey = key;
    const profile = this.profileOf(unit);
    const rng = this.stream('assign', sim.n, key);
    sim.rightUnit ??= unit;
    const misrouted = sim.rightUnit !== unit;
    const shirk = !misrouted && !sim.manual && item.returnCount === 0 && rng.chance(profile.shirkProb);
    const factor = SEVERITY_ACK_FACTOR[sim.severity];
    const now = this.now();
    if (misrouted || shirk) {
      const { reason, reasonCode } = this.returnReason(sim, unit, shirk);
      this.schedule(now + rng.uniform(...profile.returnDelay) * Math.max(factor, 0.5), 'return', sim.id, async () => {
        if (sim.assignKey !== key) return;
        const done = await this.act(shirk ? 'return:shirk' : 'return', username, 'POST', `/issues/${sim.id}/return`, {
          reason,
          reasonCode,
        });
        if (done) {
          sim.returnedBy.add(unit);
          this.count('return');
        }
      });
      return;
    }
    this.schedule(now + rng.uniform(...profile.ackDelay) * factor, 'acknowledge', sim.id, async () => {
      if (sim.assignKey !== key) return;
      const view = await this.act('acknowledge', username, 'POST', `/issues/${sim.id}/acknowledge`, {});
      if (view) this.planResolution(sim, unit, username, view);
    });
  }

  private returnReason(sim: SimIssue, unit: string, shirk: boolean): { reason: string; reasonCode: string } {
    if (shirk) return { reason: '该问题涉及多个部门职责，建议由州级主管部门牵头办理。', reasonCode: 'other' };
    const right = sim.rightUnit ? this.cast.units.get(sim.rightUnit)?.name : undefined;
    switch (sim.scenario) {
      case 'provincial_road':
        return { reason: '该路段为省道，由州交通运输局负责管养，不属于我单位职责。', reasonCode: 'not_our_duty' };
      case 'wrong_category':
        return {
          reason: `经核实，该问题属于属地管理事项，应由${right ?? '属地政府'}办理。`,
          reasonCode: 'not_our_duty',
        };
      case 'wrong_region':
        return {
          reason: `经核实，${sim.village ?? '该村'}属${PLACES[sim.trueRegion]?.county ?? '其他县（市）'}管辖，不在我单位辖区。`,
          reasonCode: 'not_our_jurisdiction',
        };
      default:
        return {
          reason: `经核实不属于${this.cast.units.get(unit)?.name ?? '我单位'}职责范围。`,
          reasonCode: 'not_our_duty',
        };
    }
  }

  private planResolution(sim: SimIssue, unit: string, username: string, view: IssueItem): void {
    const key = `${unit}|${view.reopenCount}`;
    sim.resolveKey = key;
    const profile = this.profileOf(unit);
    const rng = this.stream('resolve', sim.n, key);
    const window = POLICY_DAYS[sim.severity].resolve;
    const now = this.now();
    const due = view.dueAt ? this.toSim(view.dueAt) : now + window;
    const base = due - window;
    const late = rng.chance(view.reopenCount > 0 ? profile.lateProb * 0.6 : profile.lateProb);
    const fraction = late ? rng.uniform(...profile.late) : rng.uniform(...profile.onTime);
    const rectifyAt = Math.max(now + 0.02, base + fraction * window);
    const stillMine = () => sim.resolveKey === key;

    if (rng.chance(profile.progressProb)) {
      this.schedule(now + (rectifyAt - now) * rng.uniform(0.3, 0.7), 'progress', sim.id, async () => {
        if (!stillMine()) return;
        await this.act('progress', username, 'POST', `/issues/${sim.id}/progress`, { note: rng.pick(PROGRESS_NOTES) });
      });
    }
    if (late && rng.chance(profile.extensionProb)) {
      const askAt = Math.max(now + 0.02, base + window * rng.uniform(0.55, 0.9));
      const requestedDueAt = this.realIso(base + (fraction + rng.uniform(0.1, 0.3)) * window);
      if (askAt < due) {
        this.schedule(askAt, 'extension-request', sim.id, async () => {
          if (!stillMine()) return;
          const request = await this.act<{ id: string }>(
            'extension-request',
            username,
            'POST',
            `/issues/${sim.id}/extension-requests`,
            {
              requestedDueAt,
              reason: rng.pick([
                '涉及项目立项和资金审批，需延长整改期限。',
                '雨季施工条件受限，申请延期完成整改。',
                '需协调多个部门联合整改，申请延期。',
              ]),
            },
          );
          if (request) this.planExtensionDecision(sim, request.id, key);
        });
      }
    }
    this.schedule(rectifyAt, 'rectification', sim.id, async () => {
      if (!stillMine()) return;
      await this.act('rectification', username, 'POST', `/issues/${sim.id}/rectification`, {
        summary: rectificationSummary(rng, sim.category, sim.kind),
        evidence: [
          { type: 'photo', uri: `https://evidence.example.cn/sim/${sim.n}/after-${view.reopenCount}.jpg` },
          { type: 'document', description: '整改报告' },
        ],
      });
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // The inspection office

  private planExtensionDecision(sim: SimIssue, requestId: string, key: string): void {
    const rng = this.stream('extension', sim.n, key);
    const approved = rng.chance(0.65);
    this.schedule(this.now() + rng.uniform(0.2, 1.2), 'extension-decision', sim.id, async () => {
      await this.act(
        approved ? 'extension-approved' : 'extension-rejected',
        this.cast.inspector,
        'POST',
        `/issues/${sim.id}/extension-requests/${requestId}/decision`,
        approved
          ? { approved: true, comment: '理由充分，同意延期，请按新时限完成整改。' }
          : { approved: false, comment: '延期理由不充分，请按原时限完成整改。' },
      );
    });
  }

  private async triageCheck(): Promise<void> {
    const page = await this.get<Page<IssueItem>>(this.cast.inspector, '/issues?status=triage&limit=500');
    for (const item of page?.items ?? []) {
      const sim = this.issues.get(item.id);
      if (!sim) continue;
      const key = `${item.id}|${item.returnCount}`;
      if (sim.triageKey === key) continue;
      sim.triageKey = key;
      const rng = this.stream('triage', sim.n, item.returnCount);
      const lead = sim.rightUnit ?? this.triageDefault(sim.category);
      if (!lead) continue;
      const coUnits =
        lead === 'pref-agriculture' &&
        sim.category === 'rural_living_environment' &&
        this.cast.units.has('pref-ecology')
          ? ['pref-ecology']
          : [];
      const overrule = sim.returnedBy.has(lead);
      const reason = overrule
        ? '经核实属你单位职责，退回理由不成立，请按期办理。'
        : `经研究，交由${this.cast.units.get(lead)?.name ?? lead}牵头办理。`;
      this.schedule(this.now() + rng.uniform(0.05, 0.6), overrule ? 'assign:overrule' : 'assign', sim.id, async () => {
        if (sim.triageKey !== key) return;
        sim.rightUnit = lead;
        sim.manual = true;
        await this.act(
          overrule ? 'assign:overrule' : 'assign',
          this.cast.inspector,
          'POST',
          `/issues/${sim.id}/assign`,
          {
            leadUnit: lead,
            coUnits,
            reason,
          },
        );
      });
    }
  }

  private triageDefault(category: string): string | undefined {
    const fallback: Record<string, string> = {
      rural_roads: 'pref-transport',
      rural_living_environment: 'pref-agriculture',
      poverty_alleviation: 'pref-agriculture',
    };
    const unit = this.cast.categoryDepartment.get(category) ?? fallback[category];
    return unit && this.cast.units.has(unit) ? unit : undefined;
  }

  /** Each morning: supervision notices for the longest-overdue issues that reached level 2 or higher. */
  private async overdueBoard(): Promise<void> {
    const page = await this.get<Page<IssueItem>>(this.cast.inspector, '/oversight/overdue?minLevel=2&limit=500');
    let sent = 0;
    for (const item of page?.items ?? []) {
      if (sent >= 4) break;
      const sim = this.issues.get(item.id);
      if (!sim || sim.noticeLevels.has(item.escalationLevel)) continue;
      sim.noticeLevels.add(item.escalationLevel);
      sent += 1;
      const rng = this.stream('notice', sim.n, item.escalationLevel);
      const days = Math.max(1, Math.round(((item.overdueSeconds ?? 0) * 1000) / this.options.dayMs));
      this.schedule(this.now() + rng.uniform(0.05, 0.3), 'notice', sim.id, async () => {
        await this.act('notice', this.cast.inspector, 'POST', `/issues/${sim.id}/supervision-notices`, {
          note: `督办通知：该问题已逾期约${days}天（第${item.escalationLevel}级督办），请于3日内报送整改进展并说明逾期原因。`,
        });
      });
    }
  }

  /** At the end of the month: a democratic evaluation of the units that handled the most issues. */
  private async democraticEvaluations(): Promise<unknown[]> {
    const handled = new Map<string, number>();
    for (const sim of this.issues.values()) {
      if (sim.rightUnit) handled.set(sim.rightUnit, (handled.get(sim.rightUnit) ?? 0) + 1);
    }
    const chosen = [...handled.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 6)
      .map(([unit]) => unit)
      .sort();
    const year = String(this.options.year);
    const results: unknown[] = [];
    for (const unit of chosen) {
      const rng = this.stream('evaluation', unit);
      const profile = this.profileOf(unit);
      const score = Math.round(rng.uniform(...profile.evaluation) * 10) / 10;
      const result = await this.act('evaluation', this.cast.inspector, 'POST', '/assessment/evaluations', {
        unit,
        period: year,
        score,
        comment: `民主评议：${profile.evaluation[0] >= 85 ? '办理及时，群众认可度高' : '办理效率有待提高'}。`,
      });
      if (result) results.push(result);
    }
    return results;
  }
}
