import { env, exports } from 'cloudflare:workers';

export const ORIGIN = 'https://rapport.test';
export const SHOP_ORIGIN = 'https://shop.example';

let ipCounter = 0;
/** A fresh client IP per caller keeps rate limits from leaking between unrelated test cases. */
export const nextIp = () => `198.51.100.${++ipCounter % 250}`;

export function call(path: string, init: RequestInit & { key?: string; json?: unknown } = {}): Promise<Response> {
  const { key, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key) headers.set('Authorization', `Bearer ${key}`);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', nextIp());
  return exports.default.fetch(
    new Request(ORIGIN + path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) }),
  );
}

export async function body<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export interface TestTenant {
  tenantId: string;
  email: string;
  password: string;
  cookie: string;
  csrf: string;
  secretKey: string;
  publishableKey: string;
}

let tenantCounter = 0;

/** Signs up a brand-new tenant through the real API and creates its keys. */
export async function newTenant(name = 'Acme'): Promise<TestTenant> {
  const email = `owner${++tenantCounter}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = 'correct horse battery';
  const signup = await call('/api/auth/signup', { method: 'POST', json: { tenantName: name, email, password } });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${await signup.text()}`);
  const me = await body<{ tenant: { id: string }; csrfToken: string }>(signup);
  const cookie = signup.headers.get('Set-Cookie')!.split(';')[0]!;
  const session = { cookie, csrf: me.csrfToken };
  const secretKey = await createKey(session, 'secret');
  const publishableKey = await createKey(session, 'publishable');
  await call('/api/tenant', {
    method: 'PATCH',
    headers: sessionHeaders(session),
    json: { allowedOrigins: [SHOP_ORIGIN] },
  });
  return { tenantId: me.tenant.id, email, password, ...session, secretKey, publishableKey };
}

export const sessionHeaders = (session: { cookie: string; csrf: string }) => ({
  Cookie: session.cookie,
  'X-CSRF-Token': session.csrf,
});

async function createKey(session: { cookie: string; csrf: string }, kind: 'secret' | 'publishable'): Promise<string> {
  const response = await call('/api/keys', { method: 'POST', headers: sessionHeaders(session), json: { name: kind, kind } });
  if (response.status !== 201) throw new Error(`key creation failed: ${response.status} ${await response.text()}`);
  return (await body<{ key: string }>(response)).key;
}

export const npsTexts = {
  en: {
    question: 'How likely are you to recommend us to a friend?',
    lowLabel: 'Not likely',
    highLabel: 'Very likely',
    followUp: { default: 'What is the main reason for your score?', detractor: 'What went wrong?' },
    thankYou: 'Thank you!',
  },
};

export async function newSurvey(key: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; kind: string }> {
  const response = await call('/v1/surveys', {
    method: 'POST',
    key,
    json: { kind: 'nps', name: 'Post-purchase NPS', status: 'active', texts: npsTexts, ...overrides },
  });
  if (response.status !== 201) throw new Error(`survey creation failed: ${response.status} ${await response.text()}`);
  return body(response);
}

/** Counts rows of `table` belonging to `tenantId`, straight from D1. */
export async function countRows(table: 'responses' | 'customers' | 'surveys' | 'api_keys', tenantId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = ?`)
    .bind(tenantId)
    .first<{ n: number }>();
  return row!.n;
}

export async function expectProblem(
  response: Response,
  status: number,
): Promise<{ title: string; detail?: string; errors?: Array<{ path: string; message: string }> }> {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  if (!response.headers.get('Content-Type')?.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.headers.get('Content-Type')}`);
  }
  const problem = await body<{
    status: number;
    title: string;
    detail?: string;
    errors?: Array<{ path: string; message: string }>;
  }>(response);
  if (problem.status !== status) throw new Error(`problem.status ${problem.status} != ${status}`);
  return problem;
}
