import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { customers } from '../db/schema';
import { conflict, notFound } from '../http/problem';
import { isUniqueViolation } from '../db/errors';
import { pageAfter, toPage } from '../shared/cursor';
import { newId } from '../shared/ids';
import { toIso } from '../shared/time';
import type { CustomerRef } from '../responses/schemas';
import type { CustomerListQuery, UpdateCustomer, UpsertCustomer } from './schemas';

type CustomerRow = typeof customers.$inferSelect;

export const customerView = (row: CustomerRow) => ({
  id: row.id,
  externalId: row.externalId,
  email: row.email,
  name: row.name,
  locale: row.locale,
  birthday: row.birthday,
  properties: row.properties,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
  erased: row.erasedAt !== null,
});

const emailTaken = () => conflict('Another customer of this tenant already has this email.');

/**
 * The statement that creates the customer identified by `ref` or updates the fields it gives.
 * The identity is externalId when present, else email. Meant to run inside a batch, before
 * statements that find the customer with `customerIdOf(ref)`.
 */
export function upsertCustomerStatement(db: Database, tenantId: string, ref: UpsertCustomer | CustomerRef, now: number) {
  const byExternalId = ref.externalId !== undefined;
  const fields = {
    externalId: ref.externalId ?? null,
    email: ref.email ?? null,
    name: ref.name ?? null,
    locale: ref.locale ?? null,
    birthday: 'birthday' in ref ? (ref.birthday ?? null) : null,
  };
  const keep = (column: string) => sql.raw(`coalesce(excluded.${column}, customers.${column})`);
  const properties = 'properties' in ref && ref.properties ? ref.properties : {};
  return db
    .insert(customers)
    .values({ id: newId('cus', now), tenantId, ...fields, properties, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: byExternalId ? [customers.tenantId, customers.externalId] : [customers.tenantId, customers.email],
      set: {
        email: keep('email'),
        name: keep('name'),
        locale: keep('locale'),
        birthday: keep('birthday'),
        properties: sql`json_patch(customers.properties, excluded.properties)`,
        updatedAt: now,
      },
    });
}

/** A subquery for the id of the customer `ref` identifies, usable as a value in the same batch. */
export function customerIdOf(tenantId: string, ref: { externalId?: string | undefined; email?: string | undefined }) {
  return ref.externalId !== undefined
    ? sql`(SELECT id FROM customers WHERE tenant_id = ${tenantId} AND external_id = ${ref.externalId})`
    : sql`(SELECT id FROM customers WHERE tenant_id = ${tenantId} AND email = ${ref.email ?? null})`;
}

/** Which customer a reference names: by the tenant's externalId, else by email. */
export const customerIdentity = (ref: { externalId?: string | undefined; email?: string | undefined }) =>
  ref.externalId !== undefined ? eq(customers.externalId, ref.externalId) : eq(customers.email, ref.email!);

async function findByRef(db: Database, tenantId: string, ref: UpsertCustomer): Promise<CustomerRow | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), customerIdentity(ref)))
    .limit(1);
  return row;
}

export async function upsertCustomer(db: Database, tenantId: string, input: UpsertCustomer) {
  const existed = await findByRef(db, tenantId, input);
  try {
    await upsertCustomerStatement(db, tenantId, input, Date.now());
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return { row: (await findByRef(db, tenantId, input))!, created: !existed };
}

export async function findCustomer(db: Database, tenantId: string, customerId: string): Promise<CustomerRow> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .limit(1);
  if (!row) throw notFound('Customer');
  return row;
}

export async function listCustomers(db: Database, tenantId: string, query: z.infer<typeof CustomerListQuery>) {
  const { where, orderBy } = pageAfter(customers, query.cursor);
  const rows = await db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        query.email ? eq(customers.email, query.email.toLowerCase()) : undefined,
        query.externalId ? eq(customers.externalId, query.externalId) : undefined,
        where,
      ),
    )
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, customerView);
}

export async function updateCustomer(db: Database, tenantId: string, customerId: string, patch: z.infer<typeof UpdateCustomer>) {
  const current = await findCustomer(db, tenantId, customerId);
  if (current.erasedAt !== null) throw conflict('This customer was erased.');
  try {
    const [row] = await db
      .update(customers)
      .set({ ...patch, updatedAt: Date.now() })
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
