import { and, eq } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { subjectOf } from '../widget/subject';

/** A where-clause builder for the rows of one customer of one tenant, in any table with both columns. */
export const rowsOfCustomer =
  (tenantId: string, customerId: string) => (table: { tenantId: SQLiteColumn; customerId: SQLiteColumn }) =>
    and(eq(table.tenantId, tenantId), eq(table.customerId, customerId));

/** Widget event subjects that name the customer (see widget/subject.ts): by external id and by email. */
export async function widgetSubjectsOf(
  tenantId: string,
  customer: { externalId: string | null; email: string | null },
): Promise<string[]> {
  const subjects = await Promise.all([
    customer.externalId === null ? null : subjectOf(tenantId, { customer: { externalId: customer.externalId } }),
    customer.email === null ? null : subjectOf(tenantId, { customer: { email: customer.email } }),
  ]);
  return subjects.filter((subject): subject is string => subject !== null);
}
