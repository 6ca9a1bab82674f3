import { Cast } from '../cast';
import { Rng } from '../prng';
import { Severity } from '../scenario/filings';
import { Profile, PROFILES } from '../scenario/profiles';
import { Agenda } from './agenda';
import { Requests } from './requests';

// What every simulated person shares: the cast, the clock and agenda, the requests they make, and what each of them
// knows about the issues filed so far.

export interface SimulationOptions {
  days: number;
  dayMs: number;
  seed: number;
  /** The assessment year the democratic evaluations are for. */
  year: number;
}

/** The fields of an issue (or a board item) that the simulated people look at. */
export interface IssueItem {
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

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Scenario =
  'normal' | 'prefecture_level' | 'provincial_road' | 'wrong_category' | 'wrong_region' | 'proposal';

export interface SimIssue {
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

export class World {
  /** The issues filed in this run, by id. */
  readonly issues = new Map<string, SimIssue>();

  constructor(
    readonly cast: Cast,
    readonly options: SimulationOptions,
    /** The random stream for one decision: `stream('assign', issueNo, unit)`. */
    readonly stream: (...parts: (string | number)[]) => Rng,
    readonly agenda: Agenda,
    readonly requests: Requests,
    readonly profiles: Map<string, Profile>,
  ) {}

  profileOf(unit: string | null | undefined): Profile {
    return (unit && this.profiles.get(unit)) || PROFILES.steady;
  }
}

/** A kind of simulated person: what they all see of the world. */
export abstract class Role {
  protected readonly cast: Cast;
  protected readonly agenda: Agenda;
  protected readonly requests: Requests;
  protected readonly stream: World['stream'];

  constructor(protected readonly world: World) {
    this.cast = world.cast;
    this.agenda = world.agenda;
    this.requests = world.requests;
    this.stream = world.stream;
  }
}
