import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailHits } from '../db/schema';
import { newId } from '../shared/ids';
import type { LinkClaims } from './tokens';
import type { HitKind, HitVerdict } from './schemas';
import { patternReason, SCAN_WINDOW_MS, userAgentReason, type ScanReason } from './scanner';

export interface HitJudgement {
  reason: ScanReason | null;
  /** True when the pattern (not just this request) is scanner-like, so earlier hits in the window are too. */
  patternMatched: boolean;
}

/** Judges a request on a recipient's links against the user agent and the recipient's recent hits. */
export async function judgeHit(db: Database, link: LinkClaims, kind: HitKind, score: number | null, userAgent: string | undefined, now: number): Promise<HitJudgement> {
  const recent = await db
    .select({ kind: emailHits.kind, score: emailHits.score, createdAt: emailHits.createdAt })
    .from(emailHits)
    .where(and(eq(emailHits.tenantId, link.tenantId), eq(emailHits.recipientId, link.recipientId), gt(emailHits.createdAt, now - SCAN_WINDOW_MS)));
  const pattern = patternReason([...recent, { kind, score, createdAt: now }], now);
  return { reason: userAgentReason(userAgent) ?? pattern, patternMatched: pattern !== null };
}

/**
 * Stores the hit. When the pattern matched, the window's plain opens become filtered too: the
 * first links a scanner opens look innocent until the rest arrive.
 */
export async function storeHit(
  db: Database,
  link: LinkClaims,
  hit: { kind: HitKind; score: number | null; verdict: HitVerdict; judgement: HitJudgement; userAgent: string | undefined },
  now: number,
): Promise<void> {
  const reason = hit.judgement.reason;
  const insert = db.insert(emailHits).values({
    id: newId('hit', now),
    tenantId: link.tenantId,
    campaignId: link.campaignId,
    recipientId: link.recipientId,
    kind: hit.kind,
    score: hit.score,
    verdict: hit.verdict,
    reason,
    userAgent: hit.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
  });
  if (!hit.judgement.patternMatched) {
    await insert;
    return;
  }
  await db.batch([
    insert,
    db
      .update(emailHits)
      .set({ verdict: 'filtered', reason })
      .where(
        and(
          eq(emailHits.tenantId, link.tenantId),
          eq(emailHits.recipientId, link.recipientId),
          eq(emailHits.verdict, 'evidence'),
          gt(emailHits.createdAt, now - SCAN_WINDOW_MS),
        ),
      ),
  ]);
}
