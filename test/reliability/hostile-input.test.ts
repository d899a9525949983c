import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { body, call, newSurvey, newTenant, SHOP_ORIGIN, sessionHeaders, type TestTenant } from '../helpers';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  method: Method;
  path: string;
  security: string | null;
  bodyType: string | null;
}

/** Tables whose rows are caches or bookkeeping rather than tenant data. */
const NOT_DATA = new Set(['d1_migrations', 'sessions', 'idempotency_keys', '_cf_KV', 'sqlite_sequence']);

let fingerprintQueries: D1PreparedStatement[] | undefined;

/** Row counts of every data table, plus the newest updated_at where there is one: catches inserts, deletes and updates. */
async function databaseFingerprint(): Promise<string> {
  if (!fingerprintQueries) {
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{ name: string }>();
    fingerprintQueries = [];
    for (const { name } of tables.results) {
      if (NOT_DATA.has(name) || name.startsWith('_')) continue;
      const columns = await env.DB.prepare(`SELECT name FROM pragma_table_info('${name}')`).all<{ name: string }>();
      const updated = columns.results.some((c) => c.name === 'updated_at') ? 'max(updated_at)' : 'NULL';
      fingerprintQueries.push(env.DB.prepare(`SELECT '${name}' AS t, count(*) AS n, ${updated} AS u FROM "${name}"`));
    }
  }
  const results = await env.DB.batch(fingerprintQueries);
  return JSON.stringify(results.map((r) => r.results));
}

const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  '"; DROP TABLE responses; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '\u0000\u0001\u0002',
  '\uD800',
  'x'.repeat(70_000),
  '%00%ff',
  '🙂'.repeat(3000),
];

const deepNesting = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Bodies that are wrong in shape, type, size or encoding. */
const hostileBody = fc.oneof(
  fc.constantFrom(
    '',
    'null',
    '[]',
    '"string"',
    '{',
    '{"a":',
    deepNesting(5000),
    JSON.stringify({ a: JSON.parse(deepNesting(200)) }),
    '{"score": NaN}',
    '{"__proto__": {"admin": true}}',
  ),
  fc.constantFrom(...HOSTILE_STRINGS).map((s) => JSON.stringify({ name: s, surveyId: s, score: s, email: s, id: s, kind: s })),
  fc.anything({ maxDepth: 3 }).map((value) => {
    try {
      return JSON.stringify(value) ?? 'null';
    } catch {
      return 'null';
    }
  }),
  fc.record({ score: fc.oneof(fc.double(), fc.integer({ min: -1e9, max: 1e9 }), fc.string()) }).map((v) => JSON.stringify(v)),
);

const hostileSegment = fc.constantFrom('x', '%27%20OR%201%3D1', '..%2F..', 'A'.repeat(300), '%F0%9F%99%82', '0', '-1');
const hostileQuery = fc.constantFrom(
  '',
  '?limit=-1',
  '?limit=99999999999999999999',
  '?cursor=%FF%FE',
  "?surveyId=' OR 1=1",
  '?from=yesterday',
  '?category[]=a&category[]=b',
  `?q=${'x'.repeat(5000)}`,
);

function invalidUtf8(): Uint8Array {
  return new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
}

async function operations(): Promise<Operation[]> {
  const document = await body<{ paths: Record<string, Partial<Record<Method, { security?: Array<Record<string, string[]>>; requestBody?: { content?: Record<string, unknown> } }>>> }>(
    await call('/v1/openapi.json'),
  );
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      const security = op.security?.[0] ? Object.keys(op.security[0])[0]! : null;
      const bodyType = op.requestBody?.content ? Object.keys(op.requestBody.content)[0]! : null;
      return [{ method, path, security, bodyType }];
    }),
  );
}

function credentials(op: Operation, tenant: TestTenant): Record<string, string> {
  if (op.security === 'secretKey') return { Authorization: `Bearer ${tenant.secretKey}` };
  if (op.security === 'session') return sessionHeaders(tenant);
  return { Origin: SHOP_ORIGIN };
}

describe('hostile input on every documented route', async () => {
  const ops = (await operations()).filter(
    // Signing up with a well-formed random body could legitimately create data; skip only that route.
    (op) => op.path !== '/api/auth/signup',
  );
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await newTenant('Fuzz');
    const survey = await newSurvey(tenant.secretKey);
    await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json: { surveyId: survey.id, score: 7, customer: { externalId: 'fz' } } });
  });

  it('covers the documented API', () => {
    expect(ops.length).toBeGreaterThan(20);
  });

  // One test per route, so a slow machine gets a time limit per route rather than for the whole API.
  it.each(ops.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    '%s never answers 5xx or a non-problem error, and rejected requests change nothing',
    { timeout: 120_000 },
    async (_name, op) => {
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(hostileSegment, hostileQuery, hostileBody, fc.boolean(), async (segment, query, payload, rawBytes) => {
          const path = op.path.replace(/\{[^}]+\}/g, segment) + query;
          const headers = new Headers(credentials(op, tenant));
          if (op.bodyType) headers.set('Content-Type', op.bodyType);
          const init: RequestInit = { method: op.method.toUpperCase(), headers };
          if (op.method !== 'get' && op.method !== 'delete') init.body = rawBytes ? invalidUtf8() : payload;
          const before = await databaseFingerprint();
          const response = await call(path, init);
          const type = response.headers.get('Content-Type') ?? '';
          const text = await response.text();
          const label = `${op.method.toUpperCase()} ${path.slice(0, 80)} → ${response.status}`;
          if (response.status >= 500) failures.push(`${label} ${text.slice(0, 200)}`);
          if (response.status >= 400 && !type.startsWith('application/problem+json')) failures.push(`${label} non-problem ${type}`);
          if (response.status >= 400 && (await databaseFingerprint()) !== before) failures.push(`${label} changed the database`);
          if (/SQLITE|D1_ERROR|Failed query/i.test(text)) failures.push(`${label} leaked database error text`);
        }),
        { numRuns: 8, seed: 20261123 },
      );
      expect(failures).toEqual([]);
    },
  );
});
