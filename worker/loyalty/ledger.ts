import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { loyaltyEntries, loyaltyLots, loyaltyMembers } from '../db/schema';
import { conflict } from '../http/problem';
import { pointsRollups, type BookedEntry } from '../metrics/points-rollups';
import { newId } from '../shared/ids';
import type { LotTake } from './points';
import type { EntryKind } from './schemas';

export type Statement = BatchItem<'sqlite'>;

/**
 * Entries built by `entryStatement`, so `runBatch` can add their metrics rollups. Every ledger write
 * goes through `runBatch`, so no caller can book points the metrics do not see, or count them twice:
 * a replayed source fails the entry's unique index and aborts the rollups with it.
 */
const bookedEntries = new WeakMap<Statement, { tenantId: string; entry: BookedEntry }>();

/** Runs statements as one atomic D1 batch (a transaction): any failing statement undoes all of them. */
export async function runBatch(db: Database, statements: Statement[]): Promise<void> {
  const booked = statements.flatMap((statement) => bookedEntries.get(statement) ?? []);
  const tenantIds = [...new Set(booked.map(({ tenantId }) => tenantId))];
  const rollups = await Promise.all(
    tenantIds.map((tenantId) =>
      pointsRollups(
        db,
        tenantId,
        booked.filter((item) => item.tenantId === tenantId).map(({ entry }) => entry),
      ),
    ),
  );
  const [first, ...rest] = [...statements, ...rollups.flat()];
  if (!first) return;
  await db.batch([first, ...rest]);
}

/**
 * The constraint a failed statement violated: the CHECK's name, or the last column of the
 * UNIQUE/PRIMARY KEY (e.g. "source" for (tenant_id, source)). Null for any other error.
 */
export function violatedConstraint(error: unknown): string | null {
  let root = error;
  while (root instanceof Error && root.cause !== undefined) root = root.cause;
  const text = String(root);
  const check = text.match(/CHECK constraint failed: (\w+)/);
  if (check) return check[1]!;
  const unique = text.match(/UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/);
  return unique ? unique[1]!.split(', ').pop()!.split('.').pop()! : null;
}

/** Constraints that fail only because another request changed the same rows first: worth re-planning. */
const RACE_CONSTRAINTS = new Set(['loyalty_lots_remaining', 'loyalty_orders_version']);

/** Thrown by a caller that knows its plan was made on data that changed meanwhile. */
export class StalePlan extends Error {}

/**
 * Re-reads and re-plans when a concurrent request invalidated the plan (a lot already spent, an
 * order refunded meanwhile). The database refused the stale batch, so nothing was written.
 */
export async function withReplanning<T>(attempt: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (!(error instanceof StalePlan) && !(constraint && RACE_CONSTRAINTS.has(constraint))) throw error;
      if (i >= attempts) throw conflict('Too many concurrent changes to this balance; retry.');
    }
  }
}

export interface EntryInput {
  customerId: string;
  kind: EntryKind;
  reason: string;
  source: string;
  actor: string;
  ruleId?: string | null;
}

export function entryStatement(db: Database, tenantId: string, entry: EntryInput, deltas: { available: number; pending: number }, now: number): Statement {
  const statement = db.insert(loyaltyEntries).values({
    id: newId('ent', now),
    tenantId,
    customerId: entry.customerId,
    kind: entry.kind,
    availableDelta: deltas.available,
    pendingDelta: deltas.pending,
    reason: entry.reason,
    source: entry.source,
    actor: entry.actor,
    ruleId: entry.ruleId ?? null,
    createdAt: now,
  });
  bookedEntries.set(statement, {
    tenantId,
    entry: { kind: entry.kind, availableDelta: deltas.available, pendingDelta: deltas.pending, createdAt: now },
  });
  return statement;
}

const memberRow = (tenantId: string, customerId: string) =>
  and(eq(loyaltyMembers.tenantId, tenantId), eq(loyaltyMembers.customerId, customerId));

const availableOf = (tenantId: string, customerId: string) =>
  sql`(SELECT available FROM loyalty_members WHERE tenant_id = ${tenantId} AND customer_id = ${customerId})`;

export interface Credit extends EntryInput {
  points: number;
  /** Pending until `availableAt`; available at once when that is not in the future. */
  availableAt: number;
  expiresAt: number | null;
  earnedAt: number;
  /** Counts towards lifetime earned (and tiers): true for earning rules, false for refunds of spent points. */
  earned: boolean;
}

/**
 * Adds a lot and books it. A lot that is available at once first pays off a negative balance
 * (its `remaining` is what is left after that), computed in SQL from the balance at that moment.
 */
export function creditStatements(db: Database, tenantId: string, credit: Credit, now: number): { lotId: string; statements: Statement[] } {
  const pending = credit.availableAt > now;
  const lotId = newId('lot', now);
  const points = credit.points;
  const remaining = pending ? points : sql`max(0, min(${points}, ${points} + ${availableOf(tenantId, credit.customerId)}))`;
  const statements: Statement[] = [
    db.insert(loyaltyLots).values({
      id: lotId,
      tenantId,
      customerId: credit.customerId,
      status: pending ? 'pending' : 'available',
      points,
      remaining,
      availableAt: credit.availableAt,
      expiresAt: credit.expiresAt,
      createdAt: credit.earnedAt,
    }),
    db
      .update(loyaltyMembers)
      .set({
        ...(pending ? { pending: sql`${loyaltyMembers.pending} + ${points}` } : { available: sql`${loyaltyMembers.available} + ${points}` }),
        ...(credit.earned ? { lifetimeEarned: sql`${loyaltyMembers.lifetimeEarned} + ${points}` } : {}),
        lastActivityAt: sql`max(${loyaltyMembers.lastActivityAt}, ${now})`,
        updatedAt: now,
      })
      .where(memberRow(tenantId, credit.customerId)),
    entryStatement(db, tenantId, credit, pending ? { available: 0, pending: points } : { available: points, pending: 0 }, now),
  ];
  return { lotId, statements };
}

export interface Debit extends EntryInput {
  /** Points taken from the available balance. */
  points: number;
  /** Lots to take them from; may cover less than `points` only when `allowNegative`. */
  takes: LotTake[];
  allowNegative: boolean;
  /** Redemptions and adjustments are member activity (they reset inactivity expiry); expiry and refunds are not. */
  activity: boolean;
  /** Points taken from a pending lot in the same booking (refunds only). */
  fromPending?: { lotId: string; points: number };
  /** Expiry empties lots: each take must be exactly what the lot holds, or the batch aborts. */
  wholeLots?: boolean;
}

/**
 * Takes points from the balance and the lots. Each lot update is relative and guarded by the
 * lot's CHECK, the balance by the member's CHECK: if another request got there first, the batch fails.
 */
export function debitStatements(db: Database, tenantId: string, debit: Debit, now: number): Statement[] {
  const pendingPoints = debit.fromPending?.points ?? 0;
  const statements: Statement[] = debit.takes.map(({ lotId, take }) =>
    db
      .update(loyaltyLots)
      .set({
        remaining: debit.wholeLots
          ? sql`CASE WHEN ${loyaltyLots.status} = 'available' AND ${loyaltyLots.remaining} = ${take} THEN 0 ELSE -1 END`
          : sql`CASE WHEN ${loyaltyLots.status} = 'available' THEN ${loyaltyLots.remaining} - ${take} ELSE -1 END`,
      })
      .where(and(eq(loyaltyLots.tenantId, tenantId), eq(loyaltyLots.id, lotId))),
  );
  if (debit.fromPending && pendingPoints > 0) {
    statements.push(
      db
        .update(loyaltyLots)
        .set({ remaining: sql`CASE WHEN ${loyaltyLots.status} = 'pending' THEN ${loyaltyLots.remaining} - ${pendingPoints} ELSE -1 END` })
        .where(and(eq(loyaltyLots.tenantId, tenantId), eq(loyaltyLots.id, debit.fromPending.lotId))),
    );
  }
  statements.push(
    db
      .update(loyaltyMembers)
      .set({
        available: sql`${loyaltyMembers.available} - ${debit.points}`,
        pending: sql`${loyaltyMembers.pending} - ${pendingPoints}`,
        // A zero debit cannot make things worse, so it leaves the flag alone (e.g. a refund of a member already below zero).
        ...(debit.points > 0 ? { allowNegative: debit.allowNegative ? 1 : 0 } : {}),
        ...(debit.activity ? { lastActivityAt: sql`max(${loyaltyMembers.lastActivityAt}, ${now})` } : {}),
        updatedAt: now,
      })
      .where(memberRow(tenantId, debit.customerId)),
    entryStatement(db, tenantId, debit, { available: -debit.points, pending: -pendingPoints }, now),
  );
  return statements;
}

export interface Snapshot {
  available: number;
  pending: number;
  /** Available lots with points left, oldest first. */
  lots: Array<{ id: string; remaining: number; expiresAt: number | null }>;
}

/** Balance and lots read in one batch, so they describe the same moment. */
export async function readSnapshot(db: Database, tenantId: string, customerId: string): Promise<Snapshot> {
  const [[member], lots] = await db.batch([
    db
      .select({ available: loyaltyMembers.available, pending: loyaltyMembers.pending })
      .from(loyaltyMembers)
      .where(memberRow(tenantId, customerId))
      .limit(1),
    db
      .select({ id: loyaltyLots.id, remaining: loyaltyLots.remaining, expiresAt: loyaltyLots.expiresAt })
      .from(loyaltyLots)
      .where(
        and(
          eq(loyaltyLots.tenantId, tenantId),
          eq(loyaltyLots.customerId, customerId),
          eq(loyaltyLots.status, 'available'),
          gt(loyaltyLots.remaining, 0),
        ),
      )
      .orderBy(asc(loyaltyLots.createdAt), asc(loyaltyLots.id)),
  ]);
  return { available: member?.available ?? 0, pending: member?.pending ?? 0, lots };
}
