import { InitialSchema1764300000000 } from './1764300000000-initial-schema';

/** Every migration, in order. A committed migration is never edited: add a new one. */
export const MIGRATIONS = [InitialSchema1764300000000];
