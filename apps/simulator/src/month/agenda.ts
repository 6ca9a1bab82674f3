// Simulated time and what is planned in it. Time is the wall clock: simulated day d runs from t0 + d·dayMs, and the
// service's own timers (deadline policies in seconds) make issues overdue while the simulated people take their time.

interface Task {
  at: number;
  label: string;
  key: string;
  run: () => Promise<void>;
}

const TICKS_PER_DAY = 16;

export class Agenda {
  /** How late each task started, in ms. */
  readonly lagMs: number[] = [];
  private readonly tasks: Task[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<void>>();
  private dayLag = 0;
  private t0 = 0;
  private stopped = false;

  constructor(
    private readonly dayMs: number,
    /** A task that threw: recorded, and the month goes on. */
    private readonly failed: (label: string, error: unknown) => void,
  ) {}

  /** The current simulated day, fractional. */
  now(): number {
    return (Date.now() - this.t0) / this.dayMs;
  }

  realIso(day: number): string {
    return new Date(this.t0 + day * this.dayMs).toISOString();
  }

  toSim(iso: string): number {
    return (Date.parse(iso) - this.t0) / this.dayMs;
  }

  schedule(at: number, label: string, key: string, run: () => Promise<void>): void {
    this.tasks.push({ at, label, key, run });
  }

  /** A habit: `run` every `period` days; when one round takes longer than that, the next starts when it ends. */
  every(first: number, period: number, label: string, key: string, run: () => Promise<void>): void {
    const step = async (at: number): Promise<void> => {
      await run();
      const next = Math.max(at + period, this.now());
      this.schedule(next, label, key, () => step(next));
    };
    this.schedule(first, label, key, () => step(first));
  }

  /** Day 0 begins now. */
  begin(): void {
    this.t0 = Date.now();
  }

  /**
   * Starts each task when its time comes, until `days` have passed; then drops what was planned for later and waits
   * for what is in flight. Returns the real instant at which the last day ended.
   */
  async runFor(days: number): Promise<Date> {
    const tickMs = this.dayMs / TICKS_PER_DAY;
    for (;;) {
      const now = this.now();
      if (now >= days) break;
      const due = this.tasks.filter((task) => task.at <= now).sort((a, b) => a.at - b.at);
      if (due.length) {
        const dueSet = new Set(due);
        const rest = this.tasks.filter((task) => !dueSet.has(task));
        this.tasks.length = 0;
        this.tasks.push(...rest);
        for (const task of due) this.start(task);
      }
      const wait = this.t0 + (Math.floor(now * TICKS_PER_DAY) + 1) * tickMs - Date.now();
      await new Promise((done) => setTimeout(done, Math.max(1, wait)));
    }
    const end = new Date(this.t0 + days * this.dayMs);
    // What is in flight finishes; what was planned for after the month never happens.
    this.tasks.length = 0;
    await Promise.all([...this.inflight]);
    return end;
  }

  /** Tasks chained before this still waiting to run are skipped. */
  stop(): void {
    this.stopped = true;
  }

  /** The largest lag since the last call. */
  takeDayLag(): number {
    const lag = this.dayLag;
    this.dayLag = 0;
    return lag;
  }

  /** Tasks with the same key (one issue, one actor's check) run one after another; others run side by side. */
  private start(task: Task): void {
    const previous = this.chains.get(task.key) ?? Promise.resolve();
    const lag = Math.max(0, Date.now() - (this.t0 + task.at * this.dayMs));
    const next = previous.then(async () => {
      if (this.stopped) return;
      this.lagMs.push(lag);
      this.dayLag = Math.max(this.dayLag, lag);
      try {
        await task.run();
      } catch (error) {
        this.failed(task.label, error);
      }
    });
    this.chains.set(task.key, next);
    this.inflight.add(next);
    void next.finally(() => {
      this.inflight.delete(next);
      if (this.chains.get(task.key) === next) this.chains.delete(task.key);
    });
  }
}
