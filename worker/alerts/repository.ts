import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { alertWindows, responseAlerts } from '../db/schema';
import type { Sentiment, Topic } from '../sentiment/types';
import type { SurveyKind } from '../surveys/schemas';
import { ALERT_REASONS, type AlertReason, digestKey, DIGEST_WINDOW_MS, immediateKey } from './schemas';

export interface ClaimedAlert {
  reasons: AlertReason[];
}

/**
 * Records that a response alerted, if its STORED state calls for it (a detractor score on an NPS or
 * CSAT survey, or a negative comment) and it never alerted before. The primary key makes this
 * at-most-once per response: retries, replays and later edits find the row and claim nothing.
 */
export async function claimAlert(
  db: Database,
  tenantId: string,
  responseId: string,
  baseUrl: string,
  now: number,
): Promise<ClaimedAlert | undefined> {
  const detractor = sql.raw(`(s.kind IN ('nps', 'csat') AND r.category = 'detractor')`);
  const negative = sql.raw(`coalesce(r.sentiment = 'negative', 0)`);
  const [row] = await db.all<{ detractor: number; negative: number }>(sql`
    INSERT INTO response_alerts (tenant_id, response_id, detractor_score, negative_comment, base_url, batch_key, created_at, emailed_at)
    SELECT r.tenant_id, r.id, ${detractor}, ${negative}, ${baseUrl}, NULL, ${now}, NULL
    FROM responses r JOIN surveys s ON s.tenant_id = r.tenant_id AND s.id = r.survey_id
    WHERE r.tenant_id = ${tenantId} AND r.id = ${responseId} AND (${detractor} OR ${negative})
    ON CONFLICT DO NOTHING
    RETURNING detractor_score AS detractor, negative_comment AS negative`);
  if (!row) return undefined;
  const flags: Record<AlertReason, number> = { detractor_score: row.detractor, negative_comment: row.negative };
  return { reasons: ALERT_REASONS.filter((reason) => flags[reason]) };
}

export interface Filing {
  batchKey: string;
  /** Set when this alert opened a new window: the digest of that window is due then. */
  digestDueAt: number | null;
}

/**
 * Files a claimed alert into an email. The first alert when no window is open opens one and is sent
 * at once; the others join the open window's digest. The window upsert is one statement, so of two
 * concurrent alerts exactly one opens it.
 */
export async function fileAlert(db: Database, tenantId: string, responseId: string, now: number): Promise<Filing> {
  // One round trip: the upsert returns a row only when it opened the window; the read after it sees the open one.
  const [openedRows, [open]] = await db.batch([
    db
      .insert(alertWindows)
      .values({ tenantId, endsAt: now + DIGEST_WINDOW_MS })
      .onConflictDoUpdate({
        target: alertWindows.tenantId,
        set: { endsAt: sql`excluded.ends_at` },
        setWhere: lte(alertWindows.endsAt, now),
      })
      .returning({ endsAt: alertWindows.endsAt }),
    db.select({ endsAt: alertWindows.endsAt }).from(alertWindows).where(eq(alertWindows.tenantId, tenantId)),
  ]);
  const [opened] = openedRows;
  const filing: Filing = opened
    ? { batchKey: immediateKey(responseId), digestDueAt: opened.endsAt }
    : { batchKey: digestKey(open!.endsAt), digestDueAt: null };
  await db
    .update(responseAlerts)
    .set({ batchKey: filing.batchKey })
    .where(
      and(eq(responseAlerts.tenantId, tenantId), eq(responseAlerts.responseId, responseId), isNull(responseAlerts.batchKey)),
    );
  return filing;
}

export interface PendingAlert {
  responseId: string;
  baseUrl: string;
  detractorScore: boolean;
  negativeComment: boolean;
  score: number;
  comment: string | null;
  sentiment: Sentiment | null;
  topics: Topic[];
  surveyName: string;
  surveyKind: SurveyKind;
  createdAt: number;
}

/** Alerts of one email not sent yet, oldest first. */
export async function pendingAlerts(db: Database, tenantId: string, batchKey: string): Promise<PendingAlert[]> {
  const rows = await db.all<
    Omit<PendingAlert, 'detractorScore' | 'negativeComment' | 'topics'> & {
      detractorScore: number;
      negativeComment: number;
      topics: string;
    }
  >(sql`
    SELECT a.response_id AS responseId, a.base_url AS baseUrl, a.detractor_score AS detractorScore, a.negative_comment AS negativeComment,
      r.score, r.comment, r.sentiment, r.topics, s.name AS surveyName, s.kind AS surveyKind, r.created_at AS createdAt
    FROM response_alerts a
    JOIN responses r ON r.tenant_id = a.tenant_id AND r.id = a.response_id
    JOIN surveys s ON s.tenant_id = r.tenant_id AND s.id = r.survey_id
    WHERE a.tenant_id = ${tenantId} AND a.batch_key = ${batchKey} AND a.emailed_at IS NULL
    ORDER BY r.created_at, r.id`);
  return rows.map((row) => ({
    ...row,
    detractorScore: row.detractorScore === 1,
    negativeComment: row.negativeComment === 1,
    topics: JSON.parse(row.topics) as Topic[],
  }));
}

/** Bound parameters per statement stay well under D1's 100. */
const IDS_PER_STATEMENT = 80;

export async function markEmailed(db: Database, tenantId: string, responseIds: readonly string[], now: number): Promise<void> {
  const statements = [];
  for (let i = 0; i < responseIds.length; i += IDS_PER_STATEMENT) {
    statements.push(
      db
        .update(responseAlerts)
        .set({ emailedAt: now })
        .where(
          and(
            eq(responseAlerts.tenantId, tenantId),
            inArray(responseAlerts.responseId, responseIds.slice(i, i + IDS_PER_STATEMENT)),
            isNull(responseAlerts.emailedAt),
          ),
        ),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
