import { readFileSync } from 'node:fs';
import os from 'node:os';
import { onCleanup } from '@app/devkit';

// Worker memory, for timer-precision: a process's resident set size every second, with the machine's load.

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface RssSample {
  atMs: number;
  phase: string;
  rssMb: number;
  /** The machine's 1-minute load average: the machine is shared, and lateness follows it. */
  load1: number;
}

/** Samples a process's RSS every second, tagging each sample with the phase the bench is in. */
export class RssSampler {
  readonly samples: RssSample[] = [];
  phase = 'boot';
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    private readonly origin: number,
  ) {
    this.timer = setInterval(() => this.sample(), 1000);
    onCleanup('stop RSS sampler', async () => this.stop());
  }

  sample(): void {
    const value = rssMb(this.pid);
    if (value !== null) {
      this.samples.push({ atMs: Date.now() - this.origin, phase: this.phase, rssMb: value, load1: os.loadavg()[0] });
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  of(...phases: string[]): number[] {
    return this.samples.filter((s) => phases.includes(s.phase)).map((s) => s.rssMb);
  }

  load(...phases: string[]): number[] {
    return this.samples.filter((s) => phases.includes(s.phase)).map((s) => s.load1);
  }
}
