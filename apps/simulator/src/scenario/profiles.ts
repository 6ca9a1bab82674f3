import { Rng } from '../prng';
import { Severity } from './filings';

// How diligent each unit is, and the accelerated deadline policies they work against.

export type ProfileName = 'exemplary' | 'steady' | 'slow' | 'negligent';

export interface Profile {
  name: ProfileName;
  /** How often the handler opens the unit's inbox, per day. */
  checksPerDay: number;
  /** Days from seeing an issue to acknowledging it (× 0.25 for urgent, × 0.8 for major). */
  ackDelay: [number, number];
  /** Days from seeing a misrouted issue to returning it. */
  returnDelay: [number, number];
  /** Rectification time as a fraction of the resolve window: on time, or (with lateProb) late. */
  onTime: [number, number];
  lateProb: number;
  late: [number, number];
  /** When it will be late, the chance that it asks for an extension first. */
  extensionProb: number;
  /** The chance that it returns an issue that is its own. */
  shirkProb: number;
  progressProb: number;
  /** The chance that the filer rejects its rectification, halved on each reopening. */
  rejectProb: number;
  satisfaction: [string, number][];
  /** The democratic evaluation it earns. */
  evaluation: [number, number];
}

export const PROFILES: Record<ProfileName, Profile> = {
  exemplary: {
    name: 'exemplary',
    checksPerDay: 3,
    ackDelay: [0.02, 0.3],
    returnDelay: [0.02, 0.2],
    onTime: [0.3, 0.75],
    lateProb: 0.02,
    late: [1.05, 1.3],
    extensionProb: 0.6,
    shirkProb: 0,
    progressProb: 0.7,
    rejectProb: 0.04,
    satisfaction: [
      ['satisfied', 80],
      ['basically_satisfied', 18],
      ['unsatisfied', 2],
    ],
    evaluation: [92, 98],
  },
  steady: {
    name: 'steady',
    checksPerDay: 2,
    ackDelay: [0.1, 0.6],
    returnDelay: [0.1, 0.6],
    onTime: [0.5, 0.95],
    lateProb: 0.12,
    late: [1.05, 1.5],
    extensionProb: 0.4,
    shirkProb: 0.01,
    progressProb: 0.5,
    rejectProb: 0.1,
    satisfaction: [
      ['satisfied', 60],
      ['basically_satisfied', 32],
      ['unsatisfied', 8],
    ],
    evaluation: [85, 92],
  },
  slow: {
    name: 'slow',
    checksPerDay: 1,
    ackDelay: [0.4, 1.8],
    returnDelay: [0.5, 1.5],
    onTime: [0.7, 1],
    lateProb: 0.45,
    late: [1.1, 2],
    extensionProb: 0.3,
    shirkProb: 0.06,
    progressProb: 0.3,
    rejectProb: 0.18,
    satisfaction: [
      ['satisfied', 40],
      ['basically_satisfied', 42],
      ['unsatisfied', 18],
    ],
    evaluation: [72, 84],
  },
  negligent: {
    name: 'negligent',
    checksPerDay: 0.5,
    ackDelay: [1, 3.5],
    returnDelay: [1, 3],
    onTime: [0.9, 1],
    lateProb: 0.7,
    late: [1.3, 3],
    extensionProb: 0.15,
    shirkProb: 0.1,
    progressProb: 0.15,
    rejectProb: 0.25,
    satisfaction: [
      ['satisfied', 25],
      ['basically_satisfied', 42],
      ['unsatisfied', 33],
    ],
    evaluation: [60, 74],
  },
};

/** Shares of the units that get each profile. */
const PROFILE_SHARES: [ProfileName, number][] = [
  ['exemplary', 0.3],
  ['steady', 0.35],
  ['slow', 0.25],
  ['negligent', 0.1],
];

/** The units that handle issues, shuffled by `rng`, dealt out in the configured shares. */
export function dealProfiles(units: string[], rng: Rng): Map<string, Profile> {
  const profiles = new Map<string, Profile>();
  const shuffled = rng.shuffle([...units].sort());
  let index = 0;
  for (const [name, share] of PROFILE_SHARES) {
    const count = name === 'negligent' ? shuffled.length - index : Math.round(share * shuffled.length);
    for (const unit of shuffled.slice(index, index + count)) profiles.set(unit, PROFILES[name]);
    index += count;
  }
  return profiles;
}

export const SEVERITY_ACK_FACTOR: Record<Severity, number> = { general: 1, major: 0.8, urgent: 0.25 };

/** The accelerated deadline policies, in simulated days, on the natural calendar. */
export const POLICY_DAYS: Record<Severity, { acknowledge: number; resolve: number; escalations: number[] }> = {
  general: { acknowledge: 1, resolve: 10, escalations: [0, 3, 7] },
  major: { acknowledge: 1, resolve: 7, escalations: [0, 3, 7] },
  urgent: { acknowledge: 0.25, resolve: 3, escalations: [0, 0.5, 1] },
};
export const VERIFY_WITHIN_DAYS = 5;
