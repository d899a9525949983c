/** Why a response alerted; the `response.detractor` webhook carries these in `data.reasons`. */
export const ALERT_REASONS = ['detractor_score', 'negative_comment'] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

/** One email to send: every not-yet-emailed alert of the tenant filed under `batchKey`. */
export interface AlertMessage {
  tenantId: string;
  batchKey: string;
}

/** The first alert of a tenant goes out at once; later ones within this window become one digest at its end. */
export const DIGEST_WINDOW_MS = 10 * 60_000;

export const immediateKey = (responseId: string) => `now:${responseId}`;
export const digestKey = (windowEndsAt: number) => `digest:${windowEndsAt}`;
/** Alerts the write path never filed (it died after the claim): the sweep sends them on their own. */
export const lateKey = (responseId: string) => `late:${responseId}`;
export const isSingleAlertKey = (batchKey: string) => batchKey.startsWith('now:') || batchKey.startsWith('late:');
