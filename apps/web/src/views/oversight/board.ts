import type { components } from '@/api/schema';
import type { ReminderWindow } from '@/domain/countdown';

export type BoardItem = components['schemas']['BoardItemDto'];
export type BoardColour = NonNullable<BoardItem['colour']>;

/** The board's three lights, in the order the tabs show them: red overdue, yellow past the last reminder, blue in the reminder window. */
export const BOARD_COLOURS: readonly BoardColour[] = ['red', 'yellow', 'blue'];

/** The light of an escalation level: none before any escalation, then three deepening reds (3 and above alike). */
export type LevelLight = 'none' | 'level1' | 'level2' | 'level3';

export function levelLight(level: number): LevelLight {
  if (!Number.isFinite(level) || level < 1) return 'none';
  if (level === 1) return 'level1';
  if (level === 2) return 'level2';
  return 'level3';
}

export const LIGHT_COLOURS: Record<LevelLight, string> = {
  none: '#c0c4cc',
  level1: '#f56c6c',
  level2: '#d0342c',
  level3: '#8b1010',
};

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

export function durationParts(seconds: number): DurationParts {
  const total = Math.max(0, Math.floor(seconds));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
  };
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * How long, as a person says it: 3天4小时 (days and hours once a day has passed), 5小时12分钟, 7分钟, 不足1分钟.
 * Keys under `oversight.duration`.
 */
export function formatDuration(seconds: number, t: Translate): string {
  const { days, hours, minutes } = durationParts(seconds);
  if (days > 0) {
    return hours > 0 ? t('oversight.duration.daysHours', { days, hours }) : t('oversight.duration.days', { days });
  }
  if (hours > 0) {
    return minutes > 0
      ? t('oversight.duration.hoursMinutes', { hours, minutes })
      : t('oversight.duration.hours', { hours });
  }
  return minutes > 0 ? t('oversight.duration.minutes', { minutes }) : t('oversight.duration.underMinute');
}

/** Seconds past due as of `now`, live between reads; the API's `overdueSeconds` when the due time is unknown. */
export function overdueSecondsAt(item: Pick<BoardItem, 'dueAt' | 'overdueSeconds' | 'overdue'>, now: Date): number {
  if (!item.overdue) return 0;
  if (!item.dueAt) return item.overdueSeconds;
  return Math.max(0, Math.floor((now.getTime() - new Date(item.dueAt).getTime()) / 1000));
}

export interface SummaryRow {
  unit: string;
  open: number;
  overdue: number;
  level1: number;
  level2: number;
  /** Level 3 and above. */
  level3: number;
  key: number;
}

/**
 * The per-unit summary as the board shows it: levels 3 and above together, the most overdue units first, and
 * (unless `all`) only units with something open.
 */
export function summaryRows(
  items: readonly { unit: string; open: number; overdue: number; key: number; byLevel: Record<string, number> }[],
  all = false,
): SummaryRow[] {
  return items
    .filter((item) => all || item.open > 0)
    .map((item) => {
      let level3 = 0;
      for (const [level, count] of Object.entries(item.byLevel)) if (Number(level) >= 3) level3 += count;
      return {
        unit: item.unit,
        open: item.open,
        overdue: item.overdue,
        level1: item.byLevel['1'] ?? 0,
        level2: item.byLevel['2'] ?? 0,
        level3,
        key: item.key,
      };
    })
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unit.localeCompare(b.unit));
}

/**
 * The reminder window as the server placed the item (its `colour` when read): blue has entered it, yellow is
 * past its last reminder. The countdown then shows the board's colour; a later reminder is an event, and the
 * board re-reads on every event.
 */
export function remindersFromColour(colour: BoardItem['colour']): ReminderWindow | null {
  const opened = new Date(0);
  if (colour === 'yellow') return { fromAt: opened, lastAt: opened };
  if (colour === 'blue') return { fromAt: opened, lastAt: null };
  return null;
}
