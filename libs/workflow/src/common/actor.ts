import type { Role } from '@app/domain';

/** Who issues a command: a signed-in user, or the system (timers, routing). */
export interface Actor {
  username: string;
  role: Role | null;
  unit: string | null;
}

export const SYSTEM_ACTOR: Actor = { username: 'system', role: null, unit: null };
