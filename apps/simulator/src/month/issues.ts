import { Severity } from '../scenario/filings';

// What the simulated people see of an issue in the API's answers, and what the simulation remembers of each one.

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
