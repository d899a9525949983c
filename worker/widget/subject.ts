import { sha256Hex } from '../shared/crypto';

/**
 * Who a widget event is about, as stored in `widget_events.subject`: the identified customer when
 * there is one (hashed, so no email or external id is copied into this table), else the visitor id.
 */
export async function subjectOf(
  tenantId: string,
  who: { visitorId?: string | undefined; customer?: { externalId?: string | undefined; email?: string | undefined } | undefined },
): Promise<string | null> {
  const customer = who.customer;
  if (customer?.externalId !== undefined) return `c:${(await sha256Hex(`${tenantId}|x|${customer.externalId}`)).slice(0, 32)}`;
  if (customer?.email !== undefined) return `c:${(await sha256Hex(`${tenantId}|e|${customer.email}`)).slice(0, 32)}`;
  return who.visitorId === undefined ? null : `v:${who.visitorId}`;
}
