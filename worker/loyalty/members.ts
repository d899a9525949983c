import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { customers, loyaltyMembers } from '../db/schema';
import { customerIdentity, customerIdOf, upsertCustomerStatement } from '../customers/repository';
import { isUniqueViolation } from '../db/errors';
import { conflict, notFound } from '../http/problem';
import { randomBase62 } from '../shared/crypto';
import { violatedConstraint } from './ledger';
import type { CustomerKey } from './schemas';
import { multiplierOf, tierMultiplierQuery } from './tiers';

/** Upper-case letters and digits without look-alikes (0/O, 1/I), so codes survive being read aloud. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newReferralCode(): string {
  return Array.from(randomBase62(8), (char) => CODE_ALPHABET[char.charCodeAt(0) % CODE_ALPHABET.length]).join('');
}

/** An empty member row for a customer (an id or a subquery resolving one); does nothing if the member exists. */
function insertMemberStatement(db: Database, tenantId: string, customerId: string | SQL, now: number) {
  return db
    .insert(loyaltyMembers)
    .values({
      tenantId,
      customerId,
      available: 0,
      pending: 0,
      lifetimeEarned: 0,
      allowNegative: 0,
      referralCode: newReferralCode(),
      lastActivityAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [loyaltyMembers.tenantId, loyaltyMembers.customerId] });
}

export interface EnsuredMember {
  customerId: string;
  /** The earn multiplier of the member's tier in percent (100 without a tier). */
  multiplierPercent: number;
}

/**
 * Creates the customer (if unknown) and their loyalty member row (if missing) in one batch, and
 * returns the customer id with the tier multiplier earning needs. Safe to call concurrently: both inserts are conflict-tolerant.
 */
export async function ensureMember(db: Database, tenantId: string, ref: CustomerKey, now: number): Promise<EnsuredMember> {
  for (let attempt = 0; ; attempt++) {
    try {
      const customerId = customerIdOf(tenantId, ref);
      const [, , [row], tier] = await db.batch([
        upsertCustomerStatement(db, tenantId, ref, now),
        insertMemberStatement(db, tenantId, customerId, now),
        customerByKey(db, tenantId, ref),
        tierMultiplierQuery(db, tenantId, customerId),
      ]);
      return { customerId: row!.id, multiplierPercent: multiplierOf(tier) };
    } catch (error) {
      // A referral code collision (1 in 32^8 per member) is retried with a new code.
      if (violatedConstraint(error) === 'referral_code' && attempt < 3) continue;
      if (isUniqueViolation(error)) throw conflict('Another customer of this tenant already has this email.');
      throw error;
    }
  }
}

/** The id of the customer `ref` names, as a query (no row if the tenant has no such customer). */
export function customerByKey(db: Database, tenantId: string, ref: CustomerKey) {
  return db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), customerIdentity(ref)))
    .limit(1);
}

/** The id of the customer `ref` names, if the tenant has one; creates nothing. */
export async function findCustomerIdByKey(db: Database, tenantId: string, ref: CustomerKey): Promise<string | null> {
  const [row] = await customerByKey(db, tenantId, ref);
  return row?.id ?? null;
}

/** The member row of a customer known by id; a no-op when it exists. */
export async function ensureMemberRow(db: Database, tenantId: string, customerId: string, now: number): Promise<void> {
  await insertMemberStatement(db, tenantId, customerId, now);
}

/** The customer a path segment names: a Rapport customer id or the tenant's externalId. 404 outside the tenant. */
export async function findCustomerId(db: Database, tenantId: string, idOrExternalId: string): Promise<string> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), or(eq(customers.id, idOrExternalId), eq(customers.externalId, idOrExternalId))))
    .limit(1);
  if (!row) throw notFound('Member');
  return row.id;
}

export async function findMemberRow(db: Database, tenantId: string, customerId: string) {
  const [row] = await db
    .select()
    .from(loyaltyMembers)
    .where(and(eq(loyaltyMembers.tenantId, tenantId), eq(loyaltyMembers.customerId, customerId)))
    .limit(1);
  return row;
}
