// GET /customers/{id}/orders: what the customer page lists as orders (reported through the loyalty API).
import { describe, expect, it } from 'vitest';
import { body, call, expectProblem, newTenant, sessionHeaders } from '../helpers';

const order = (key: string, id: string, externalId: string, total: number) =>
  call('/v1/loyalty/orders', {
    method: 'POST',
    key,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    json: { id, customer: { externalId }, currency: 'USD', total },
  });

describe('customer orders', () => {
  it('lists one customer’s orders newest first with cursor paging, and nobody else’s', async () => {
    const tenant = await newTenant();
    for (const [id, total] of [
      ['A-1', 1200],
      ['A-2', 3400],
      ['A-3', 560],
    ] as const)
      expect((await order(tenant.secretKey, id, 'alice', total)).status).toBe(201);
    expect((await order(tenant.secretKey, 'B-1', 'bob', 999)).status).toBe(201);
    const customers = await body<{ data: Array<{ id: string }> }>(
      await call('/v1/customers?externalId=alice', { key: tenant.secretKey }),
    );
    const alice = customers.data[0]!.id;

    const first = await body<{
      data: Array<{ orderId: string; total: number; currency: string; refunded: number }>;
      nextCursor: string | null;
    }>(await call(`/v1/customers/${alice}/orders?limit=2`, { key: tenant.secretKey }));
    expect(first.data.map((row) => row.orderId)).toEqual(['A-3', 'A-2']);
    expect(first.data[0]).toMatchObject({ total: 560, currency: 'USD', refunded: 0 });
    const second = await body<{ data: Array<{ orderId: string }>; nextCursor: string | null }>(
      await call(`/v1/customers/${alice}/orders?limit=2&cursor=${first.nextCursor}`, { key: tenant.secretKey }),
    );
    expect(second).toEqual({ data: [expect.objectContaining({ orderId: 'A-1' })], nextCursor: null });

    // The dashboard reads the same through its session.
    const viaSession = await body<{ data: unknown[] }>(
      await call(`/api/customers/${alice}/orders`, { headers: sessionHeaders(tenant) }),
    );
    expect(viaSession.data).toHaveLength(3);

    const other = await newTenant();
    await expectProblem(await call(`/v1/customers/${alice}/orders`, { key: other.secretKey }), 404);
  });
});
