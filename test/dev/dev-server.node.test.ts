import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorize } from '../../worker/responses/scoring';
import type { SurveyKind } from '../../worker/surveys/schemas';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 300_000;

interface Ready {
  apiOrigin: string;
  dashboardUrl: string;
  docsUrl: string;
  demoShopUrl: string;
  email: string;
  password: string;
  secretKey: string;
  publishableKey: string;
  credentialsFile: string;
}

interface Dev {
  child: ChildProcess;
  ready: Ready;
  output: () => string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

/** Starts `node scripts/dev.mjs` in its own process group and resolves with its RAPPORT_READY line. */
function startDev(env: NodeJS.ProcessEnv): Promise<Dev> {
  const child = spawn(process.execPath, ['scripts/dev.mjs'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no RAPPORT_READY line in time:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('RAPPORT_READY '));
      if (!line) return;
      clearTimeout(timer);
      resolve({ child, ready: JSON.parse(line.slice('RAPPORT_READY '.length)) as Ready, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev.mjs exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** Ctrl-C in a terminal signals the whole foreground process group; do the same. */
function stopDev(dev: Dev): Promise<number | null> {
  return new Promise((resolve) => {
    if (dev.child.exitCode !== null) return resolve(dev.child.exitCode);
    dev.child.once('exit', (code) => resolve(code));
    process.kill(-dev.child.pid!, 'SIGINT');
  });
}

function runSeed(env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`seed failed:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

function api(ready: Ready, path: string, init: RequestInit & { key?: string; json?: unknown } = {}): Promise<Response> {
  const { key, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Authorization', `Bearer ${key ?? ready.secretKey}`);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(ready.apiOrigin + path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
}

/** Follows nextCursor to the end, 200 rows a page. */
async function listAll<T>(ready: Ready, path: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const response = await api(ready, `${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: T[]; nextCursor: string | null };
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** A raw GET, so `..` reaches the server undecoded (fetch would normalise it away). */
function rawGet(origin: string, path: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    httpGet({ hostname, port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

interface SurveyRow {
  id: string;
  kind: SurveyKind;
  status: string;
  texts: Record<string, unknown>;
}
interface ResponseRow {
  id: string;
  clientId: string;
  surveyId: string;
  score: number;
  category: string;
  comment: string | null;
  createdAt: string;
}

async function snapshot(ready: Ready) {
  const [surveys, responses, customers] = await Promise.all([
    listAll<SurveyRow>(ready, '/v1/surveys'),
    listAll<ResponseRow>(ready, '/v1/responses'),
    listAll<{ id: string }>(ready, '/v1/customers'),
  ]);
  return { surveys, responses, customers };
}

describe('npm run dev', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-dev-test-'));
  const credentialsFile = join(dir, 'rapport-demo.json');
  let env: NodeJS.ProcessEnv;
  let dev: Dev;
  let first: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    const port = await freePort();
    const demoPort = await freePort();
    env = {
      ...process.env,
      RAPPORT_STATE_DIR: join(dir, 'state'),
      RAPPORT_PORT: String(port),
      RAPPORT_DEMO_PORT: String(demoPort),
    };
    dev = await startDev(env);
  }, START_TIMEOUT_MS);

  afterAll(() => {
    if (dev?.child.exitCode === null) process.kill(-dev.child.pid!, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the URLs and the demo credentials it saved next to the state dir', () => {
    const { ready } = dev;
    expect(ready.apiOrigin).toBe(`http://127.0.0.1:${env.RAPPORT_PORT}`);
    expect(ready.dashboardUrl).toBe(`${ready.apiOrigin}/`);
    expect(ready.docsUrl).toBe(`${ready.apiOrigin}/docs`);
    expect(ready.demoShopUrl).toBe(`http://127.0.0.1:${env.RAPPORT_DEMO_PORT}/`);
    expect(ready.email).toBe('demo@rapport.local');
    expect(ready.secretKey).toMatch(/^rk_sk_/);
    expect(ready.publishableKey).toMatch(/^rk_pk_/);
    expect(ready.credentialsFile).toBe(credentialsFile);
    expect(JSON.parse(readFileSync(credentialsFile, 'utf8'))).toMatchObject({
      email: ready.email,
      password: ready.password,
      secretKey: ready.secretKey,
      publishableKey: ready.publishableKey,
    });
    expect(dev.output()).toContain(`Login            demo@rapport.local  /  ${ready.password}`);
  });

  it('answers /healthz, the dashboard and the API reference', async () => {
    const health = await fetch(`${dev.ready.apiOrigin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const dashboard = await fetch(dev.ready.dashboardUrl);
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get('Content-Type')).toContain('text/html');
    const docs = await fetch(dev.ready.docsUrl);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('Content-Type')).toContain('text/html');
  });

  it('serves web/demo on its own origin with the API origin and publishable key filled in', async () => {
    const page = await fetch(dev.ready.demoShopUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).not.toContain('{{RAPPORT_');
    expect(html).toContain(dev.ready.publishableKey);
    expect(html).toContain(dev.ready.apiOrigin);
    expect((await fetch(`${dev.ready.demoShopUrl}no-such-file.js`)).status).toBe(404);
    expect(await rawGet(dev.ready.demoShopUrl, '/../package.json')).toBe(404);
    expect(await rawGet(dev.ready.demoShopUrl, '/%2e%2e/package.json')).toBe(404);
    expect((await fetch(dev.ready.demoShopUrl, { method: 'POST' })).status).toBe(405);
  });

  it('logs the demo owner in, whose tenant allows the demo page origins', async () => {
    const login = await fetch(`${dev.ready.apiOrigin}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: dev.ready.email, password: dev.ready.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((value) => value.startsWith('rapport_session='));
    expect(cookie).toBeDefined();
    const me = (await login.json()) as { user: { role: string }; tenant: Record<string, unknown> };
    expect(me.user.role).toBe('owner');
    expect(me.tenant).toMatchObject({ name: 'Demo Shop', defaultLocale: 'ru', timezone: 'Europe/Moscow', currency: 'RUB' });
    expect(me.tenant.allowedOrigins).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1:8788',
        'http://localhost:8788',
        `http://127.0.0.1:${env.RAPPORT_DEMO_PORT}`,
        `http://localhost:${env.RAPPORT_DEMO_PORT}`,
      ]),
    );
  });

  it('holds the seeded data: two active surveys in ru and en, 600 customers, 2,000 scored responses', async () => {
    const { surveys, responses, customers } = await snapshot(dev.ready);
    expect(surveys.map((survey) => [survey.kind, survey.status]).sort()).toEqual([
      ['csat', 'active'],
      ['nps', 'active'],
    ]);
    for (const survey of surveys) expect(Object.keys(survey.texts).sort()).toEqual(['en', 'ru']);
    expect(customers).toHaveLength(600);
    expect(responses).toHaveLength(2_000);
    expect(new Set(responses.map((response) => response.clientId)).size).toBe(2_000);
    const kindOf = new Map(surveys.map((survey) => [survey.id, survey.kind]));
    for (const response of responses) expect(response.category).toBe(categorize(kindOf.get(response.surveyId)!, response.score));
    const commented = responses.filter((response) => response.comment !== null).length / responses.length;
    expect(commented).toBeGreaterThan(0.3);
    expect(commented).toBeLessThan(0.5);
  });

  it('has the demo metrics computed, so the dashboard opens on real numbers', async () => {
    const { surveys, responses } = await snapshot(dev.ready);
    const npsSurvey = surveys.find((survey) => survey.kind === 'nps')!;
    const npsSince = (days: number) =>
      responses.filter(
        (response) => response.surveyId === npsSurvey.id && Date.parse(response.createdAt) >= Date.now() - days * 86_400_000,
      ).length;
    const metrics = (await (await api(dev.ready, '/v1/metrics?period=30d')).json()) as {
      nps: { n: number; score: number } | null;
    };
    // A rolling 30-day period runs over whole days in the tenant's time zone: between 29 and 31 days of answers.
    expect(metrics.nps!.n).toBeGreaterThanOrEqual(npsSince(29));
    expect(metrics.nps!.n).toBeLessThanOrEqual(npsSince(31));
    expect(metrics.nps!.n).toBeGreaterThan(0);
  });

  it('runs the README flow with the printed secret key: survey, response, list, CSV', async () => {
    const { ready } = dev;
    const created = await api(ready, '/v1/surveys', {
      method: 'POST',
      json: {
        kind: 'nps',
        name: 'Checkout NPS',
        status: 'active',
        texts: { en: { question: 'How likely are you to recommend us?', followUp: { default: 'Why?' }, thankYou: 'Thanks!' } },
      },
    });
    expect(created.status).toBe(201);
    const survey = (await created.json()) as { id: string };

    const recorded = await api(ready, '/v1/responses', {
      method: 'POST',
      json: {
        id: 'order-1001',
        surveyId: survey.id,
        score: 9,
        comment: 'Fast delivery',
        customer: { externalId: 'cust-42', email: 'ann@example.com' },
      },
    });
    expect(recorded.status).toBe(201);
    const response = (await recorded.json()) as { id: string; category: string };
    expect(response.category).toBe('promoter');

    const list = await api(ready, `/v1/responses?surveyId=${survey.id}`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { data: { id: string }[] }).data.map((row) => row.id)).toEqual([response.id]);

    const csv = await api(ready, '/v1/responses.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(1 + 2_001);
    expect(lines[1]).toContain(response.id);
    first = await snapshot(ready);
  });

  it('stops cleanly on Ctrl-C and frees both ports', async () => {
    expect(await stopDev(dev)).toBe(0);
    await expect(fetch(`${dev.ready.apiOrigin}/healthz`)).rejects.toThrow();
    await expect(fetch(dev.ready.demoShopUrl)).rejects.toThrow();
  });

  it(
    'seeds idempotently, replaces lost credentials, and restarts on the same data',
    async () => {
      const saved = readFileSync(credentialsFile, 'utf8');
      expect(runSeed(env)).toContain('already seeded');
      expect(readFileSync(credentialsFile, 'utf8')).toBe(saved);

      rmSync(credentialsFile);
      expect(runSeed(env)).toContain('new password and keys');
      const rotated = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Ready;
      expect(rotated.password).not.toBe(dev.ready.password);
      expect(rotated.secretKey).not.toBe(dev.ready.secretKey);

      const old = dev.ready;
      dev = await startDev(env);
      expect(dev.output()).toContain('already seeded');
      expect(dev.ready).toMatchObject({
        password: rotated.password,
        secretKey: rotated.secretKey,
        publishableKey: rotated.publishableKey,
      });
      expect((await api(dev.ready, '/v1/surveys', { key: old.secretKey })).status).toBe(401);

      const again = await snapshot(dev.ready);
      expect(again.surveys.map((survey) => survey.id).sort()).toEqual(first.surveys.map((survey) => survey.id).sort());
      expect(again.customers).toHaveLength(first.customers.length);
      expect(again.responses).toHaveLength(2_001);
      expect(again.responses.map((response) => response.id)).toEqual(first.responses.map((response) => response.id));

      const login = await fetch(`${dev.ready.apiOrigin}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: old.email, password: old.password }),
      });
      expect(login.status).toBe(401);
      expect(await stopDev(dev)).toBe(0);
    },
    START_TIMEOUT_MS,
  );
});
