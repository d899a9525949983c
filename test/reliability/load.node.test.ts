// Load without loss (issue #8): 5,000 widget answers and 5,000 loyalty events in flight at once against the real Worker
// (wrangler's dev server: workerd, a fresh migrated local D1 file, the real rate limits), over HTTP with keep-alive, with
// retries mixed in the way flaky networks produce them. Every answer must be stored once, every event booked once, and
// the ledger and metric totals must be exact, read back through the API and straight from the D1 file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipOf, pooled } from '../bench/load';
import {
  BENCH_EVENT_POINTS,
  BENCH_EVENT_TYPE,
  BENCH_OPENING_BALANCE,
  type BenchTenant,
  createBenchTenant,
  SHOP_ORIGIN,
} from '../bench/tenant-setup';
import { REPO_ROOT, startWorkerServer, type WorkerServer } from '../node/worker-server';

const ANSWERS = 5_000;
const EVENTS = 5_000;
/** Requests in flight at once (one keep-alive connection each). */
const IN_FLIGHT = 32;
/**
 * The Rate Limiting binding allows 1,200 writes a minute per widget key and per tenant (wrangler.toml). The Worker
 * under wrangler handles ~45 writes/s on this machine, so SPREAD publishable keys (answers) and tenants (events) keep
 * every bucket far below its limit even at several times that speed.
 */
const SPREAD = 10;
/** Every RETRY_EVERY-th answer and event is sent again at once, racing its original. */
const RETRY_EVERY = 25;
/** …and those RETRY_EVERY / 2 further on are sent again once their original has been answered. */
const LATE_OFFSET = Math.floor(RETRY_EVERY / 2);
/** Members per tenant the events are booked to (prime, so each tenant's events reach all of them). */
const MEMBERS = 97;

type Retry = 'none' | 'racing' | 'late';

interface Outcome {
  stream: 'answer' | 'event';
  /** The answer or event this request carries: retries share it with their original. */
  item: number;
  retry: Retry;
  /** Events only: whether this request sent the original's Idempotency-Key or a new one (same event id). */
  sameKey: boolean;
  status: number;
  replayed: boolean;
  body: string;
  /** Times this request was sent again because its response was lost (see `send`). */
  lost: number;
  ms: number;
}

const memberOf = (n: number) => `member-${n % MEMBERS}`;
/** Odd-numbered retries replay the original Idempotency-Key; even-numbered ones send the same event id under a new key. */
const retriesWithSameKey = (n: number) => Math.floor(n / RETRY_EVERY) % 2 === 1;
const retryOf = (n: number): Retry => (n % RETRY_EVERY === 0 ? 'racing' : n % RETRY_EVERY === LATE_OFFSET ? 'late' : 'none');

let assetsDirectory: string;
let server: WorkerServer;
let tenants: BenchTenant[];

beforeAll(async () => {
  // Only API routes are used, so no build: an empty assets directory of its own (wrangler will not start without one).
  // That and a bundle made once keep the Worker from restarting mid-run when someone rebuilds web/dist or edits a file.
  assetsDirectory = mkdtempSync(join(tmpdir(), 'rapport-load-assets-'));
  server = await startWorkerServer({ assetsDirectory, bundleOnce: true });
  // Tenant 0 takes the answers, on SPREAD publishable keys; every tenant takes a share of the events.
  tenants = await Promise.all(Array.from({ length: SPREAD }, (_, i) => createBenchTenant(server.url, i, i === 0 ? SPREAD : 0)));
});

afterAll(async () => {
  await server?.stop();
  rmSync(assetsDirectory, { recursive: true, force: true });
});

async function getJson<T>(path: string, secretKey: string): Promise<T> {
  const response = await fetch(server.url + path, { headers: { Authorization: `Bearer ${secretKey}` } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function postJson<T>(path: string, secretKey: string, json: unknown): Promise<T> {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  });
  if (response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Runs one SQL statement against the server's D1 file with wrangler itself (no API in between); returns its rows. */
function queryD1<Row>(sql: string): Row[] {
  const result = spawnSync(
    join(REPO_ROOT, 'node_modules/.bin/wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', server.stateDir, '--json', '--command', sql],
    { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: '0' } },
  );
  if (result.status !== 0) throw new Error(`wrangler d1 execute failed:\n${result.stdout}\n${result.stderr}`);
  const [first] = JSON.parse(result.stdout) as Array<{ results: Row[] }>;
  return first!.results;
}

/** What wrangler's dev proxy answers (503) for a request the Worker was restarted under. */
const RESTARTED = 'Your worker restarted mid-request';
/** How long a client keeps sending a request whose response was lost: past the 60 s lease of its Idempotency-Key. */
const RESEND_FOR_MS = 150_000;
const RESEND_PAUSE_MS = 2_000;

async function postOnce(path: string, init: RequestInit): Promise<Pick<Outcome, 'status' | 'replayed' | 'body'>> {
  try {
    const response = await fetch(server.url + path, { method: 'POST', ...init });
    const body = await response.text();
    return { status: response.status, replayed: response.headers.get('Idempotent-Replayed') === 'true', body };
  } catch (error) {
    return { status: 0, replayed: false, body: String(error instanceof Error ? (error.cause ?? error.message) : error) };
  }
}

/**
 * Sends a request as a careful client does: when the response is lost (dropped connection, or the dev proxy's 503
 * because wrangler restarted the Worker under it) the same request goes again, and keeps going while its own earlier
 * attempt may still hold the Idempotency-Key ("still in progress"). Whatever the first attempt wrote must count once.
 */
async function send(
  stream: Outcome['stream'],
  item: number,
  retry: Retry,
  sameKey: boolean,
  path: string,
  init: RequestInit,
): Promise<Outcome> {
  const started = performance.now();
  let lost = 0;
  for (;;) {
    const answered = await postOnce(path, init);
    const wasLost = answered.status === 0 || (answered.status === 503 && answered.body.startsWith(RESTARTED));
    const ownClaim = lost > 0 && answered.status === 409 && answered.body.includes('still in progress');
    if ((wasLost || ownClaim) && performance.now() - started < RESEND_FOR_MS) {
      if (wasLost) lost++;
      await new Promise((resolve) => setTimeout(resolve, RESEND_PAUSE_MS));
      continue;
    }
    return { stream, item, retry, sameKey, ...answered, lost, ms: performance.now() - started };
  }
}

/** A retried answer is the same body again (same id, score, visitor) from the same address. */
function answer(n: number, retry: Retry): Promise<Outcome> {
  const shop = tenants[0]!;
  return send('answer', n, retry, true, '/w/v1/responses', {
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: SHOP_ORIGIN, 'CF-Connecting-IP': ipOf(n) },
    body: JSON.stringify({
      key: shop.publishableKeys[n % SPREAD],
      id: `load-answer-${n}`,
      surveyId: shop.surveyId,
      score: n % 11,
      visitorId: `visitor-${n}`,
    }),
  });
}

function event(n: number, retry: Retry): Promise<Outcome> {
  const sameKey = retry === 'none' || retriesWithSameKey(n);
  return send('event', n, retry, sameKey, '/v1/loyalty/events', {
    headers: {
      Authorization: `Bearer ${tenants[n % SPREAD]!.secretKey}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': sameKey ? `load-key-${n}` : `load-retry-${n}`,
      'CF-Connecting-IP': ipOf(n),
    },
    body: JSON.stringify({ id: `load-event-${n}`, type: BENCH_EVENT_TYPE, customer: { externalId: memberOf(n) } }),
  });
}

/**
 * Answers and events interleaved, so both streams and their retries are in flight together. A racing retry is queued
 * right behind its original (both are usually in flight at once); a late retry waits for its original's answer.
 */
function loadTasks(): Array<() => Promise<Outcome>> {
  const originals = new Map<string, Promise<Outcome>>();
  const original = (key: string, sent: () => Promise<Outcome>) => () => {
    const outcome = sent();
    originals.set(key, outcome);
    return outcome;
  };
  const afterOriginal = (key: string, sent: () => Promise<Outcome>) => async () => {
    await originals.get(key);
    return sent();
  };
  const tasks: Array<() => Promise<Outcome>> = [];
  const late: Array<() => Promise<Outcome>> = [];
  for (let n = 0; n < Math.max(ANSWERS, EVENTS); n++) {
    // Late retries join a few hundred requests after their original was queued.
    if (n % 100 === 0) tasks.push(...late.splice(0));
    for (const [stream, sendOne] of [
      ['answer', answer],
      ['event', event],
    ] as const) {
      if (n >= (stream === 'answer' ? ANSWERS : EVENTS)) continue;
      const key = `${stream}-${n}`;
      tasks.push(original(key, () => sendOne(n, 'none')));
      const retry = retryOf(n);
      if (retry === 'racing') tasks.push(() => sendOne(n, 'racing'));
      if (retry === 'late') late.push(afterOriginal(key, () => sendOne(n, 'late')));
    }
  }
  tasks.push(...late);
  return tasks;
}

const count = <T>(items: T[], predicate: (item: T) => boolean) => items.filter(predicate).length;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

describe('load without loss', () => {
  it(
    `${ANSWERS} widget answers and ${EVENTS} loyalty events sent concurrently, with retries: each stored and booked exactly once`,
    { timeout: 45 * 60_000 },
    async () => {
      const tasks = loadTasks();
      const retriesPerStream = (size: number) =>
        Array.from({ length: size }, (_, n) => retryOf(n)).filter((r) => r !== 'none').length;
      expect(tasks).toHaveLength(ANSWERS + EVENTS + retriesPerStream(ANSWERS) + retriesPerStream(EVENTS));

      const started = Date.now();
      const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
      const outcomes = await pooled(tasks, IN_FLIGHT, (done) => {
        if (done % 1_000 === 0) console.log(`load: ${done}/${tasks.length} answered after ${seconds()} s`);
      });
      const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
      console.log(
        `load: ${tasks.length} requests, ${IN_FLIGHT} in flight, ${seconds()} s ` +
          `(${(tasks.length / ((Date.now() - started) / 1000)).toFixed(1)} req/s, p50 ${percentile(latencies, 0.5).toFixed(0)} ms, ` +
          `p99 ${percentile(latencies, 0.99).toFixed(0)} ms)`,
      );

      // One answer per request, none refused by a rate limit or failed on the Worker's side. The only non-2xx allowed
      // is the documented 409 "still in progress" for a request whose Idempotency-Key another request holds.
      expect(outcomes).toHaveLength(tasks.length);
      const statuses: Record<number, number> = {};
      for (const { status } of outcomes) statuses[status] = (statuses[status] ?? 0) + 1;
      console.log(`load: statuses ${JSON.stringify(statuses)}`);
      const unexpected = outcomes.filter((o) => ![200, 201, 409].includes(o.status));
      const examples = unexpected.slice(0, 3).map((o) => `${o.stream} ${o.item}: ${o.status} ${o.body.slice(0, 200)}`);
      expect(unexpected.length, `${JSON.stringify(statuses)}; e.g. ${examples.join(' | ')}`).toBe(0);
      // Responses lost on the way (the Worker restarted under them) were sent again: their items may have been
      // written by an attempt whose answer never arrived, so they are held to the exact totals below, not to statuses.
      const lostItems = new Set(outcomes.filter((o) => o.lost > 0).map((o) => `${o.stream} ${o.item}`));
      console.log(`load: ${count(outcomes, (o) => o.lost > 0)} requests sent again after a lost response`);
      const settled = (o: Outcome) => !lostItems.has(`${o.stream} ${o.item}`);
      const inProgress = outcomes.filter((o) => o.status === 409);
      for (const refused of inProgress) {
        expect(refused, 'a 409 other than a same-key race').toMatchObject({ stream: 'event', sameKey: true });
        expect(retryOf(refused.item)).toBe('racing');
        expect(refused.body).toContain('still in progress');
      }

      const answers = outcomes.filter((o) => o.stream === 'answer');
      const events = outcomes.filter((o) => o.stream === 'event');
      // Answers: created (201) or, for a request that found its twin stored, updated in place (200); a late retry
      // always finds it. Every answer was created by one of its requests.
      expect(count(answers, (o) => o.status !== 200 && o.status !== 201)).toBe(0);
      expect(count(answers, (o) => o.retry === 'late' && o.status !== 200)).toBe(0);
      const created = new Set(answers.filter((o) => o.status === 201).map((o) => o.item));
      expect(answers.filter((o) => settled(o) && !created.has(o.item))).toEqual([]);
      // Events: booked by exactly one request (201, not a replay). The others are replays of that outcome: 201 with
      // Idempotent-Replayed for the same key, 200 "already booked" for the same event id under a new key.
      const bookings = new Map<number, number>();
      for (const o of events) if (o.status === 201 && !o.replayed) bookings.set(o.item, (bookings.get(o.item) ?? 0) + 1);
      expect(events.filter((o) => settled(o) && !bookings.has(o.item))).toEqual([]);
      expect([...bookings.values()].filter((booked) => booked !== 1)).toEqual([]);
      for (const o of events.filter((o) => o.retry === 'late' && settled(o))) {
        expect({ status: o.status, replayed: o.replayed }).toEqual(
          o.sameKey ? { status: 201, replayed: true } : { status: 200, replayed: false },
        );
      }
      const points = events.filter((o) => o.status !== 409).map((o) => (JSON.parse(o.body) as { points: number }).points);
      expect(points.filter((p) => p !== BENCH_EVENT_POINTS)).toEqual([]);

      // Through the API: exactly the answers sent, each once, with its score.
      const shop = tenants[0]!;
      const stored = new Map<string, number>();
      let rows = 0;
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({
          surveyId: shop.surveyId,
          channel: 'widget',
          limit: '200',
          ...(cursor ? { cursor } : {}),
        });
        const page: { data: Array<{ clientId: string; score: number }>; nextCursor: string | null } = await getJson(
          `/v1/responses?${query}`,
          shop.secretKey,
        );
        for (const row of page.data) stored.set(row.clientId, row.score);
        rows += page.data.length;
        cursor = page.nextCursor;
      } while (cursor);
      expect(rows).toBe(ANSWERS);
      expect(stored).toEqual(new Map(Array.from({ length: ANSWERS }, (_, n) => [`load-answer-${n}`, n % 11])));

      // Metrics after a recompute count every answer once.
      await postJson('/v1/metrics/recompute', shop.secretKey, { full: true });
      const shopMetrics = await getJson<{ nps: { n: number; promoters: number; passives: number; detractors: number } | null }>(
        '/v1/metrics?period=30d',
        shop.secretKey,
      );
      const scores = Array.from({ length: ANSWERS }, (_, n) => n % 11);
      expect(shopMetrics.nps).toMatchObject({
        n: ANSWERS,
        promoters: count(scores, (s) => s >= 9),
        passives: count(scores, (s) => s === 7 || s === 8),
        detractors: count(scores, (s) => s <= 6),
      });

      // Ledger: every member holds exactly its events' points; each programme's points issued and liability are exact.
      const eventsOf = (tenant: number) => Array.from({ length: EVENTS }, (_, n) => n).filter((n) => n % SPREAD === tenant);
      for (const [index, tenant] of tenants.entries()) {
        const perMember = new Map<string, number>();
        for (const n of eventsOf(index)) perMember.set(memberOf(n), (perMember.get(memberOf(n)) ?? 0) + BENCH_EVENT_POINTS);
        const members = await pooled(
          [...perMember.keys()].map(
            (member) => () =>
              getJson<{ available: number; pending: number; lifetimeEarned: number }>(
                `/v1/loyalty/members/${member}`,
                tenant.secretKey,
              ),
          ),
          8,
        );
        expect(new Map([...perMember.keys()].map((member, i) => [member, members[i]!.lifetimeEarned]))).toEqual(perMember);
        expect(new Map([...perMember.keys()].map((member, i) => [member, members[i]!.available + members[i]!.pending]))).toEqual(
          perMember,
        );

        const issued = eventsOf(index).length * BENCH_EVENT_POINTS;
        const liability = await getJson<{ available: number; pending: number }>('/v1/loyalty/liability', tenant.secretKey);
        expect(liability.available + liability.pending).toBe(BENCH_OPENING_BALANCE + issued);
        await postJson('/v1/metrics/recompute', tenant.secretKey, { full: true });
        const metrics = await getJson<{ points: { issued: number; adjusted: number } | null }>(
          '/v1/metrics?period=30d',
          tenant.secretKey,
        );
        expect(metrics.points).toMatchObject({ issued, adjusted: BENCH_OPENING_BALANCE });
      }

      // Straight from the D1 file, past every API read model.
      const tenantIds = tenants.map((t) => `'${t.tenantId}'`).join(', ');
      const [answerRows] = queryD1<{ n: number; ids: number; scores: number }>(
        `SELECT count(*) AS n, count(DISTINCT client_id) AS ids, sum(score) AS scores FROM responses WHERE tenant_id = '${shop.tenantId}' AND channel = 'widget'`,
      );
      expect(answerRows).toEqual({ n: ANSWERS, ids: ANSWERS, scores: scores.reduce((a, b) => a + b, 0) });
      const ledger = queryD1<{ tenant_id: string; entries: number; points: number; balances: number }>(
        `SELECT e.tenant_id, count(*) AS entries, sum(e.available_delta + e.pending_delta) AS points,
           (SELECT sum(m.available + m.pending) FROM loyalty_members m WHERE m.tenant_id = e.tenant_id) AS balances
         FROM loyalty_entries e WHERE e.tenant_id IN (${tenantIds}) AND e.kind = 'earn' GROUP BY e.tenant_id`,
      );
      expect(new Map(ledger.map((row) => [row.tenant_id, row]))).toEqual(
        new Map(
          tenants.map((t, index) => {
            const issued = eventsOf(index).length * BENCH_EVENT_POINTS;
            return [
              t.tenantId,
              {
                tenant_id: t.tenantId,
                entries: eventsOf(index).length,
                points: issued,
                balances: BENCH_OPENING_BALANCE + issued,
              },
            ];
          }),
        ),
      );
    },
  );
});
