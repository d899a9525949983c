import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { body, call } from '../helpers';

/** A loyalty API call with a fresh Idempotency-Key unless one is given. */
export function loyalty(key: string, path: string, init: { method?: string; json?: unknown; idempotencyKey?: string } = {}): Promise<Response> {
  const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['Idempotency-Key'] = init.idempotencyKey ?? crypto.randomUUID();
  return call(`/v1/loyalty${path}`, { method, key, headers, json: init.json });
}

/** Calls and expects `status`, returning the JSON body. */
export async function ok<T = Record<string, unknown>>(response: Promise<Response> | Response, status = 200): Promise<T> {
  const resolved = await response;
  if (resolved.status !== status) throw new Error(`expected ${status}, got ${resolved.status}: ${await resolved.text()}`);
  return body<T>(resolved);
}

export interface MemberView {
  customerId: string;
  available: number;
  pending: number;
  expiringSoon: number;
  lifetimeEarned: number;
  referralCode: string | null;
  tier: { current: { id: string; name: string } | null; next: { id: string; threshold: number } | null; qualifying: number; remaining: number | null };
}

export const member = (key: string, customer: string) => ok<MemberView>(loyalty(key, `/members/${encodeURIComponent(customer)}`));

export async function setUp(key: string, settings: Record<string, unknown> = {}, rules: Array<Record<string, unknown>> = []): Promise<void> {
  if (Object.keys(settings).length > 0) await ok(loyalty(key, '/settings', { method: 'PATCH', json: settings }));
  for (const rule of rules) await ok(loyalty(key, '/rules', { json: rule }), 201);
}

export const purchaseRule = { eventType: 'purchase', name: 'Purchases' };

export async function order(key: string, id: string, externalId: string, total: number, extra: Record<string, unknown> = {}) {
  return loyalty(key, '/orders', { json: { id, customer: { externalId }, currency: 'USD', total, ...extra } });
}

interface LedgerTotals {
  entries: number;
  available: number;
  pending: number;
}

/** Straight from D1: the member's ledger sums next to the balances read model and the lots. */
export async function ledgerOf(tenantId: string, customerId: string) {
  const sums = await env.DB.prepare(
    'SELECT count(*) AS entries, coalesce(sum(available_delta), 0) AS available, coalesce(sum(pending_delta), 0) AS pending FROM loyalty_entries WHERE tenant_id = ? AND customer_id = ?',
  )
    .bind(tenantId, customerId)
    .first<LedgerTotals>();
  const balances = await env.DB.prepare('SELECT available, pending FROM loyalty_members WHERE tenant_id = ? AND customer_id = ?')
    .bind(tenantId, customerId)
    .first<{ available: number; pending: number }>();
  const lots = await env.DB.prepare(
    "SELECT coalesce(sum(CASE WHEN status = 'available' THEN remaining END), 0) AS available, coalesce(sum(CASE WHEN status = 'pending' THEN remaining END), 0) AS pending FROM loyalty_lots WHERE tenant_id = ? AND customer_id = ?",
  )
    .bind(tenantId, customerId)
    .first<{ available: number; pending: number }>();
  return { ledger: sums!, balances: balances ?? { available: 0, pending: 0 }, lots: lots! };
}

/** Balance = sum of ledger = sum of lots (lots hold no points while the balance is negative). */
export async function expectConsistent(tenantId: string, customerId: string): Promise<void> {
  const { ledger, balances, lots } = await ledgerOf(tenantId, customerId);
  expect({ available: ledger.available, pending: ledger.pending }).toEqual(balances);
  expect(lots).toEqual({ available: Math.max(0, balances.available), pending: balances.pending });
}

export async function countEntries(tenantId: string, where = '1 = 1', ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM loyalty_entries WHERE tenant_id = ? AND ${where}`)
    .bind(tenantId, ...params)
    .first<{ n: number }>();
  return row!.n;
}
