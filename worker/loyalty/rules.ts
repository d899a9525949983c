import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { loyaltyRules } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { conflict, notFound, unprocessable } from '../http/problem';
import { pageAfter, toPage } from '../shared/cursor';
import { newId } from '../shared/ids';
import { toIso, toIsoOrNull } from '../shared/time';
import type { CreateRule, UpdateRule } from './schemas';

export type RuleRow = typeof loyaltyRules.$inferSelect;

export const ruleView = (row: RuleRow) => ({
  id: row.id,
  eventType: row.eventType,
  name: row.name,
  points: row.points,
  rate: row.rate,
  refereePoints: row.refereePoints,
  applyTierMultiplier: row.applyTierMultiplier,
  minOrderAmount: row.minOrderAmount,
  capPerDay: row.capPerDay,
  capPerMonth: row.capPerMonth,
  startsAt: toIsoOrNull(row.startsAt),
  endsAt: toIsoOrNull(row.endsAt),
  active: row.active,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

const millisOrNull = (iso: string | null | undefined) => (iso === null || iso === undefined ? iso : Date.parse(iso));

function assertDates(startsAt: number | null, endsAt: number | null): void {
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) {
    throw unprocessable('endsAt must be after startsAt.', [{ path: 'endsAt', message: 'must be after startsAt' }]);
  }
}

const whereRule = (tenantId: string, id: string) => and(eq(loyaltyRules.tenantId, tenantId), eq(loyaltyRules.id, id));
const duplicate = (eventType: string) => conflict(`There is already a rule for "${eventType}"; change that one instead.`);

export async function createRule(db: Database, tenantId: string, input: z.infer<typeof CreateRule>): Promise<RuleRow> {
  const now = Date.now();
  const startsAt = millisOrNull(input.startsAt) ?? null;
  const endsAt = millisOrNull(input.endsAt) ?? null;
  assertDates(startsAt, endsAt);
  try {
    const [row] = await db
      .insert(loyaltyRules)
      .values({ ...input, id: newId('rul', now), tenantId, startsAt, endsAt, createdAt: now, updatedAt: now })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.eventType);
    throw error;
  }
}

export async function findRule(db: Database, tenantId: string, id: string): Promise<RuleRow> {
  const [row] = await db.select().from(loyaltyRules).where(whereRule(tenantId, id)).limit(1);
  if (!row) throw notFound('Rule');
  return row;
}

export async function listRules(db: Database, tenantId: string, cursor: string | undefined, limit: number) {
  const { where, orderBy } = pageAfter(loyaltyRules, cursor);
  const rows = await db
    .select()
    .from(loyaltyRules)
    .where(and(eq(loyaltyRules.tenantId, tenantId), where))
    .orderBy(...orderBy)
    .limit(limit + 1);
  return toPage(rows, limit, ruleView);
}

export async function updateRule(db: Database, tenantId: string, id: string, patch: z.infer<typeof UpdateRule>): Promise<RuleRow> {
  const current = await findRule(db, tenantId, id);
  const startsAt = millisOrNull(patch.startsAt);
  const endsAt = millisOrNull(patch.endsAt);
  assertDates(startsAt === undefined ? current.startsAt : startsAt, endsAt === undefined ? current.endsAt : endsAt);
  const [row] = await db
    .update(loyaltyRules)
    .set({ ...patch, startsAt, endsAt, updatedAt: Date.now() })
    .where(whereRule(tenantId, id))
    .returning();
  return row!;
}

/** Past entries keep the rule id as plain text, so deleting a rule leaves the ledger intact. */
export async function deleteRule(db: Database, tenantId: string, id: string): Promise<void> {
  const deleted = await db.delete(loyaltyRules).where(whereRule(tenantId, id)).returning({ id: loyaltyRules.id });
  if (deleted.length === 0) throw notFound('Rule');
}

/** The tenant's rule for `eventType` (active or not), as a query, for callers that batch it with other reads. */
export const ruleForEvent = (db: Database, tenantId: string, eventType: string) =>
  db
    .select()
    .from(loyaltyRules)
    .where(and(eq(loyaltyRules.tenantId, tenantId), eq(loyaltyRules.eventType, eventType)))
    .limit(1);

/** `row` if it pays at `at`: active and in its date range. */
export function payingRule(row: RuleRow | undefined, at: number): RuleRow | null {
  if (!row || !row.active) return null;
  if (row.startsAt !== null && at < row.startsAt) return null;
  if (row.endsAt !== null && at >= row.endsAt) return null;
  return row;
}

/** The rule that pays `eventType` at `at`, if one is active and in its date range. */
export async function findPayingRule(db: Database, tenantId: string, eventType: string, at: number): Promise<RuleRow | null> {
  const [row] = await ruleForEvent(db, tenantId, eventType);
  return payingRule(row, at);
}
