// One tenant's dashboard session against every /api route of the OpenAPI document, aimed at another tenant's data:
// path parameters filled with the other tenant's ids, queries and bodies naming its surveys, customers and rewards.
// Nothing of the other tenant may come back, and nothing of it may change.
import { describe, expect, it } from 'vitest';
import { body, call, newSurvey, newTenant, sessionHeaders, type TestTenant } from '../helpers';
import { loyalty, ok } from '../loyalty/helpers';
import { documentedOperations, type Operation } from './openapi-operations';
import { changedTables, tenantRows } from './tenant-rows';

/** Every name, email, URL and comment of the victim tenant contains this; it must never reach the other tenant. */
const MARK = `zqv${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;

interface VictimIds {
  surveyId: string;
  customerId: string;
  externalId: string;
  responseId: string;
  goalId: string;
  endpointId: string;
  campaignId: string;
  recipientId: string;
  ruleId: string;
  tierId: string;
  rewardId: string;
  orderId: string;
  redemptionId: string;
  keyId: string;
}

const v1 = async <T = { id: string }>(tenant: TestTenant, path: string, json: unknown, status = 201) =>
  ok<T>(call(path, { method: 'POST', key: tenant.secretKey, json }), status);

/** A tenant with one of everything, every text carrying MARK. */
async function victimWithData(): Promise<{ tenant: TestTenant; ids: VictimIds }> {
  const tenant = await newTenant(`Victim ${MARK}`);
  const externalId = `ext-${MARK}`;
  const survey = await newSurvey(tenant.secretKey, { name: `Survey ${MARK}` });
  const customer = await v1(tenant, '/v1/customers', { externalId, email: `${MARK}@example.com`, name: `Name ${MARK}` });
  const response = await v1(tenant, '/v1/responses', {
    surveyId: survey.id,
    score: 3,
    comment: `Comment ${MARK}`,
    customer: { externalId },
  });
  const goal = await v1(tenant, '/v1/goals', { metric: 'nps', target: 40, period: '7d' });
  // Subscribed to an event these tests never cause, so no delivery attempts change the victim's rows meanwhile.
  const endpoint = await v1(tenant, '/v1/webhooks/endpoints', {
    url: `https://${MARK}.example.test/hook`,
    events: ['points.expired'],
  });
  const campaign = await v1(tenant, '/v1/campaigns', {
    surveyId: survey.id,
    name: `Campaign ${MARK}`,
    fromName: `From ${MARK}`,
    fromEmail: `from-${MARK}@example.com`,
    texts: { en: { subject: `Subject ${MARK}`, intro: 'Hi' } },
  });
  await v1(tenant, `/v1/campaigns/${campaign.id}/recipients`, { recipients: [{ email: `to-${MARK}@example.com` }] }, 200);
  const recipients = await ok<{ data: Array<{ id: string }> }>(
    call(`/v1/campaigns/${campaign.id}/recipients`, { key: tenant.secretKey }),
  );
  const rule = await ok<{ id: string }>(
    loyalty(tenant.secretKey, '/rules', { json: { eventType: 'purchase', name: `Rule ${MARK}`, rate: 1 } }),
    201,
  );
  const tier = await ok<{ id: string }>(
    loyalty(tenant.secretKey, '/tiers', { json: { name: `Tier ${MARK}`, threshold: 100 } }),
    201,
  );
  const reward = await ok<{ id: string }>(
    loyalty(tenant.secretKey, '/rewards', { json: { name: `Reward ${MARK}`, kind: 'gift', cost: 10 } }),
    201,
  );
  await ok(
    loyalty(tenant.secretKey, '/adjustments', {
      json: { customer: { externalId }, points: 500, reason: `Opening ${MARK}`, actor: MARK },
    }),
    201,
  );
  const orderId = `order-${MARK}`;
  await ok(
    loyalty(tenant.secretKey, '/orders', { json: { id: orderId, customer: { externalId }, currency: 'USD', total: 5000 } }),
    201,
  );
  const redemption = await ok<{ id: string }>(
    loyalty(tenant.secretKey, '/redemptions', { json: { customer: { externalId }, rewardId: reward.id } }),
    201,
  );
  await ok(
    call('/api/team', {
      method: 'POST',
      headers: sessionHeaders(tenant),
      json: { email: `team-${MARK}@example.com`, role: 'viewer', password: 'a long enough password' },
    }),
    201,
  );
  const keys = await ok<{ data: Array<{ id: string }> }>(call('/api/keys', { headers: sessionHeaders(tenant) }));
  return {
    tenant,
    ids: {
      surveyId: survey.id,
      customerId: customer.id,
      externalId,
      responseId: response.id,
      goalId: goal.id,
      endpointId: endpoint.id,
      campaignId: campaign.id,
      recipientId: recipients.data[0]!.id,
      ruleId: rule.id,
      tierId: tier.id,
      rewardId: reward.id,
      orderId,
      redemptionId: redemption.id,
      keyId: keys.data[0]!.id,
    },
  };
}

/** The victim's id for a path parameter, chosen by the collection the parameter sits in. */
function idFor(path: string, parameter: string, ids: VictimIds): string {
  if (parameter === 'recipientId') return ids.recipientId;
  if (parameter === 'customer') return ids.customerId;
  const collection = path
    .slice(0, path.indexOf(`{${parameter}}`))
    .split('/')
    .filter(Boolean)
    .at(-1);
  const byCollection: Record<string, string> = {
    keys: ids.keyId,
    surveys: ids.surveyId,
    goals: ids.goalId,
    customers: ids.customerId,
    responses: ids.responseId,
    endpoints: ids.endpointId,
    campaigns: ids.campaignId,
    rules: ids.ruleId,
    tiers: ids.tierId,
    rewards: ids.rewardId,
    orders: ids.orderId,
    redemptions: ids.redemptionId,
  };
  const id = collection ? byCollection[collection] : undefined;
  if (!id) throw new Error(`no victim id for {${parameter}} in ${path}: add its collection to idFor`);
  return id;
}

/** Bodies that point at the victim's records; most will be refused as invalid, some are valid requests in shape. */
const bodiesFor = (ids: VictimIds): unknown[] => [
  { customer: { externalId: ids.externalId }, rewardId: ids.rewardId },
  { surveyId: ids.surveyId, score: 5, customer: { id: ids.customerId } },
  { id: ids.orderId, amount: 100 },
];

describe('tenant isolation on every /api route', () => {
  it("one tenant's session never reads or changes another tenant's data", { timeout: 300_000 }, async () => {
    const { tenant: victim, ids } = await victimWithData();
    const attacker = await newTenant('Attacker');
    const operations = (await documentedOperations()).filter(
      (op: Operation) => op.path.startsWith('/api/') && !op.path.startsWith('/api/auth/'),
    );
    expect(operations.length).toBeGreaterThan(40);
    // Work the victim's own requests started in the background (queues, waitUntil) finishes before the probe.
    let before = await tenantRows(victim.tenantId);
    for (let settled = 0; settled < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = await tenantRows(victim.tenantId);
      settled = changedTables(before, now).length === 0 ? settled + 1 : 0;
      before = now;
    }
    expect(JSON.stringify([...before])).toContain(MARK);

    const problems: string[] = [];
    const succeededOnVictimIds: string[] = [];
    for (const op of operations) {
      const parameters = [...op.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      const path = parameters.reduce((p, name) => p.replace(`{${name}}`, encodeURIComponent(idFor(op.path, name, ids))), op.path);
      const queries =
        parameters.length === 0 && op.method === 'get'
          ? ['', `?surveyId=${ids.surveyId}&customerId=${ids.customerId}&externalId=${ids.externalId}`]
          : [''];
      const bodies = op.method === 'get' || op.method === 'delete' ? [undefined] : bodiesFor(ids);
      for (const query of queries) {
        for (const json of bodies) {
          const headers = { ...sessionHeaders(attacker), 'Idempotency-Key': crypto.randomUUID() };
          const response = await call(path + query, { method: op.method.toUpperCase(), headers, json });
          const text = await response.text();
          const label = `${op.method.toUpperCase()} ${path}${query} ${json === undefined ? '' : JSON.stringify(json)} → ${response.status}`;
          if (response.status >= 500) problems.push(`${label}: server error`);
          if (text.includes(MARK)) problems.push(`${label}: answered with the victim's data`);
          if (parameters.length > 0 && response.ok) succeededOnVictimIds.push(`${op.method.toUpperCase()} ${op.path}`);
          if (op.method !== 'get') {
            const after = await tenantRows(victim.tenantId);
            const changed = changedTables(before, after);
            if (changed.length > 0) problems.push(`${label}: changed the victim's ${changed.join(', ')}`);
            before = after;
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // A path naming the victim's record is "not found" for everyone else; the member view is the one exception: it
    // answers an empty balance for any customer key (checked to hold nothing of the victim just above).
    expect(succeededOnVictimIds.filter((route) => !route.includes('/loyalty/members/'))).toEqual([]);
    expect(changedTables(before, await tenantRows(victim.tenantId))).toEqual([]);
    // The victim still sees all of it: the probe above would have been meaningless against an empty tenant.
    expect(
      JSON.stringify(await body(await call(`/api/responses/${ids.responseId}`, { headers: sessionHeaders(victim) }))),
    ).toContain(MARK);
  });
});
