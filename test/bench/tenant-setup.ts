// Creates what the bench drives, through the public API of the running Worker: signup → keys → allowed origin →
// active survey → loyalty rule, funded member and reward.
export const SHOP_ORIGIN = 'https://shop.example';

let setupIp = 0;
/** Setup calls come from distinct addresses so the signup/login limits do not refuse the bench's own setup. */
const nextSetupIp = () => `203.0.113.${(++setupIp % 250) + 1}`;

interface Session {
  cookie: string;
  csrf: string;
}

export interface BenchTenant {
  tenantId: string;
  secretKey: string;
  publishableKeys: string[];
  surveyId: string;
  rewardId: string;
}

async function send(
  baseUrl: string,
  path: string,
  init: { method: string; json?: unknown; headers?: Record<string, string> },
): Promise<Response> {
  const headers: Record<string, string> = { 'CF-Connecting-IP': nextSetupIp(), ...init.headers };
  if (init.json !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(baseUrl + path, {
    method: init.method,
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function expectStatus<T>(response: Promise<Response>, status: number, what: string): Promise<T> {
  const resolved = await response;
  if (resolved.status !== status)
    throw new Error(`${what}: expected ${status}, got ${resolved.status}: ${await resolved.text()}`);
  return (await resolved.json()) as T;
}

const sessionHeaders = (session: Session) => ({ Cookie: session.cookie, 'X-CSRF-Token': session.csrf });

async function createKey(baseUrl: string, session: Session, kind: 'secret' | 'publishable', name: string): Promise<string> {
  const created = await expectStatus<{ key: string }>(
    send(baseUrl, '/api/keys', { method: 'POST', headers: sessionHeaders(session), json: { name, kind } }),
    201,
    `create ${kind} key`,
  );
  return created.key;
}

function loyalty(baseUrl: string, secretKey: string, path: string, json: unknown): Promise<Response> {
  return send(baseUrl, `/v1/loyalty${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Idempotency-Key': crypto.randomUUID() },
    json,
  });
}

export const BENCH_EVENT_TYPE = 'custom:bench';
/** What the rule created for BENCH_EVENT_TYPE credits per event. */
export const BENCH_EVENT_POINTS = 5;
export const BENCH_CUSTOMER = { externalId: 'bench-member' };
export const REWARD_COST = 10;
/** The adjustment that funds BENCH_CUSTOMER, so redemptions never run out of points. */
export const BENCH_OPENING_BALANCE = 50_000_000;

/** One tenant with `publishableKeyCount` publishable keys, an active NPS survey, an earning rule and a well-funded member. */
export async function createBenchTenant(baseUrl: string, index: number, publishableKeyCount: number): Promise<BenchTenant> {
  const email = `bench-${index}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const signup = await send(baseUrl, '/api/auth/signup', {
    method: 'POST',
    json: { tenantName: `Bench ${index}`, email, password: 'correct horse battery staple' },
  });
  if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
  const me = (await signup.json()) as { tenant: { id: string }; csrfToken: string };
  const session = { cookie: signup.headers.get('Set-Cookie')!.split(';')[0]!, csrf: me.csrfToken };

  const secretKey = await createKey(baseUrl, session, 'secret', 'bench server');
  const publishableKeys: string[] = [];
  for (let i = 0; i < publishableKeyCount; i++)
    publishableKeys.push(await createKey(baseUrl, session, 'publishable', `bench widget ${i}`));
  await expectStatus(
    send(baseUrl, '/api/tenant', { method: 'PATCH', headers: sessionHeaders(session), json: { allowedOrigins: [SHOP_ORIGIN] } }),
    200,
    'allow origin',
  );

  const survey = await expectStatus<{ id: string }>(
    send(baseUrl, '/v1/surveys', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secretKey}` },
      json: {
        kind: 'nps',
        name: 'Bench NPS',
        status: 'active',
        texts: {
          en: {
            question: 'How likely are you to recommend us to a friend?',
            lowLabel: 'Not likely',
            highLabel: 'Very likely',
            followUp: { default: 'What is the main reason for your score?' },
            thankYou: 'Thank you!',
          },
        },
      },
    }),
    201,
    'create survey',
  );
  await expectStatus(
    loyalty(baseUrl, secretKey, '/rules', { eventType: BENCH_EVENT_TYPE, name: 'Bench events', points: BENCH_EVENT_POINTS }),
    201,
    'create rule',
  );
  await expectStatus(
    loyalty(baseUrl, secretKey, '/adjustments', {
      customer: BENCH_CUSTOMER,
      points: BENCH_OPENING_BALANCE,
      reason: 'bench opening balance',
      actor: 'bench',
    }),
    201,
    'fund member',
  );
  const reward = await expectStatus<{ id: string }>(
    loyalty(baseUrl, secretKey, '/rewards', { name: 'Bench voucher', kind: 'fixed_discount', value: 100, cost: REWARD_COST }),
    201,
    'create reward',
  );
  return { tenantId: me.tenant.id, secretKey, publishableKeys, surveyId: survey.id, rewardId: reward.id };
}
