// Pure rules shared by the Worker (identified customers, by subject) and the widget bundle
// (anonymous visitors, from localStorage). Keep this file free of imports that pull in zod.

/** Structurally the same as the `Recontact` survey setting. */
export type RecontactRule = { mode: 'once' } | { mode: 'every'; days: number } | { mode: 'until_answered' };

/** What one visitor has seen: epoch ms, absent when never. */
export interface DisplayHistory {
  /** Last display of this survey. */
  lastDisplayAt?: number | null | undefined;
  /** First answer to this survey. */
  answeredAt?: number | null | undefined;
  /** Last display of any survey of the tenant (for the global cooldown). */
  lastAnyDisplayAt?: number | null | undefined;
}

export const DEFAULT_COOLDOWN_DAYS = 7;
const DAY = 86_400_000;

/** Whether the survey may be shown now: the global cooldown first, then the survey's own recontact rule. */
export function mayDisplay(rule: RecontactRule, history: DisplayHistory, now: number, cooldownDays: number): boolean {
  if (history.lastAnyDisplayAt && now - history.lastAnyDisplayAt < cooldownDays * DAY) return false;
  if (rule.mode === 'once') return !history.lastDisplayAt;
  if (rule.mode === 'until_answered') return !history.answeredAt;
  return !history.lastDisplayAt || now - history.lastDisplayAt >= rule.days * DAY;
}

/** Answers by the same visitor to the same survey after this instant are duplicates (0 = ever). */
export const answerWindowStart = (rule: RecontactRule, now: number): number => (rule.mode === 'every' ? now - rule.days * DAY : 0);
