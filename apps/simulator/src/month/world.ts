import { Cast } from '../cast';
import { Rng } from '../prng';
import { Profile, PROFILES } from '../scenario/profiles';
import { Agenda } from './agenda';
import { SimIssue } from './issues';
import { Requests } from './requests';

// What every simulated person shares: the cast, the clock and agenda, the requests they make, and the issues filed
// so far.

export interface SimulationOptions {
  days: number;
  dayMs: number;
  seed: number;
  /** The assessment year the democratic evaluations are for. */
  year: number;
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
