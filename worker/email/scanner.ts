import type { HitKind } from './schemas';

/**
 * Security gateways (Microsoft Defender Safe Links, Mimecast, Proofpoint, Barracuda, …) fetch
 * every link of an incoming email within seconds. These user agents name themselves; many others
 * pose as browsers, which is what the hit-pattern rules are for.
 */
const SCANNER_USER_AGENT =
  /bot\b|crawler|spider|preview|scan|barracuda|mimecast|proofpoint|ironport|cisco|forcepoint|symantec|messagelabs|trend ?micro|sophos|fireeye|trellix|mcafee|fortinet|checkpoint|zscaler|safelinks|microsoft office|ms-office|outlook-ios|google-safety|yahoo! slurp|python|curl|wget|go-http-client|java\/|okhttp|axios|node-fetch|undici|libwww|headlesschrome|phantomjs/i;

export type ScanReason = 'scanner_user_agent' | 'no_user_agent' | 'honeypot' | 'link_burst';

/** Hits of one recipient's links closer together than this are judged together. */
export const SCAN_WINDOW_MS = 30_000;
/** People click one score; a scanner opens all of them. */
export const BURST_DISTINCT_SCORES = 3;

export interface RecentHit {
  kind: HitKind;
  score: number | null;
  createdAt: number;
}

export function userAgentReason(userAgent: string | undefined): ScanReason | null {
  if (!userAgent?.trim()) return 'no_user_agent';
  return SCANNER_USER_AGENT.test(userAgent) ? 'scanner_user_agent' : null;
}

/** Whether a recipient's recent hits (including the current one) look like a machine opening links. */
export function patternReason(recent: RecentHit[], now: number): ScanReason | null {
  const inWindow = recent.filter((hit) => hit.createdAt > now - SCAN_WINDOW_MS);
  if (inWindow.some((hit) => hit.kind === 'honeypot')) return 'honeypot';
  const scores = new Set(inWindow.flatMap((hit) => (hit.kind === 'open' && hit.score !== null ? [hit.score] : [])));
  return scores.size >= BURST_DISTINCT_SCORES ? 'link_burst' : null;
}
