// One-click email NPS in real Chromium against the real Worker (wrangler dev): the rendered email is opened
// as a mail client would show it, a score is clicked, and the landing page is used like a person would.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startWorkerServer, type WorkerServer } from '../node/worker-server';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
/** Headless Chromium names itself "HeadlessChrome", which the scanner filter rightly refuses; people use ordinary Chrome. */
const DESKTOP_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

let server: WorkerServer;
let browser: Browser;
let secretKey: string;
let surveyId: string;
let ipCounter = 0;

async function api<T>(path: string, init: RequestInit & { json?: unknown; cookie?: string; csrf?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('CF-Connecting-IP', `203.0.113.${++ipCounter}`);
  if (secretKey && path.startsWith('/v1/')) headers.set('Authorization', `Bearer ${secretKey}`);
  if (init.cookie) headers.set('Cookie', init.cookie);
  if (init.csrf) headers.set('X-CSRF-Token', init.csrf);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(server.url + path, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.headers.get('Content-Type')?.includes('json') ? response.json() : response.text()) as Promise<T>;
}

beforeAll(async () => {
  mkdirSync(join(REPO_ROOT, 'web/dist'), { recursive: true });
  [server, browser] = await Promise.all([startWorkerServer(), chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })]);
  const signup = await fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '203.0.113.250' },
    body: JSON.stringify({ tenantName: 'Acme', email: 'owner@acme.test', password: 'correct horse battery' }),
  });
  const cookie = signup.headers.get('Set-Cookie')!.split(';')[0]!;
  const { csrfToken } = (await signup.json()) as { csrfToken: string };
  secretKey = (await api<{ key: string }>('/api/keys', { method: 'POST', cookie, csrf: csrfToken, json: { name: 'server', kind: 'secret' } })).key;
  const texts = {
    en: {
      question: 'How likely are you to recommend Acme?',
      followUp: { default: 'What could we do better?', promoter: 'What did you like most?' },
      thankYou: 'Thanks for your answer!',
    },
  };
  surveyId = (await api<{ id: string }>('/v1/surveys', { method: 'POST', json: { kind: 'nps', name: 'NPS', status: 'active', texts } })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function emailFor(email: string): Promise<{ html: string; recipientId: string }> {
  const campaign = await api<{ id: string }>('/v1/campaigns', {
    method: 'POST',
    json: { surveyId, name: `Campaign for ${email}`, fromName: 'Acme', fromEmail: 'nps@acme.test', texts: { en: { subject: 'One question' } } },
  });
  await api(`/v1/campaigns/${campaign.id}/recipients`, { method: 'POST', json: { recipients: [{ email }] } });
  const recipients = await api<{ data: Array<{ id: string }> }>(`/v1/campaigns/${campaign.id}/recipients`);
  const recipientId = recipients.data[0]!.id;
  return { html: await api<string>(`/v1/campaigns/${campaign.id}/recipients/${recipientId}/preview`), recipientId };
}

interface StoredResponse {
  score: number;
  comment: string | null;
  clientId: string;
}

async function responsesFor(recipientId: string): Promise<StoredResponse[]> {
  const page = await api<{ data: StoredResponse[] }>(`/v1/responses?surveyId=${surveyId}&limit=200`);
  return page.data.filter((r) => r.clientId.endsWith(`:${recipientId}`));
}

/** Polls until the stored responses match: the page reports asynchronously. */
async function expectResponses(recipientId: string, expected: Array<Partial<StoredResponse>>): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last: StoredResponse[] = [];
  while (Date.now() < deadline) {
    last = await responsesFor(recipientId);
    if (last.length === expected.length && expected.every((e, i) => Object.entries(e).every(([k, v]) => last[i]![k as keyof StoredResponse] === v))) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(last).toMatchObject(expected);
}

async function openEmailAndClick(page: Page, html: string, score: number): Promise<void> {
  await page.setContent(html);
  await Promise.all([page.waitForURL(/\/r\/[^/]+\/\d+$/), page.getByRole('link', { name: String(score), exact: true }).click()]);
}

describe('one-click email NPS in Chromium', () => {
  it('clicking 9 in the email counts a 9; changing to 10 keeps one response; a comment updates it (acceptance 2)', async () => {
    const { html, recipientId } = await emailFor('reader@example.com');
    const context = await browser.newContext({ userAgent: DESKTOP_CHROME, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await openEmailAndClick(page, html, 9);
    await expect.poll(() => page.locator('#prompt').textContent()).toBe('What did you like most?');
    await expectResponses(recipientId, [{ score: 9 }]);

    await page.locator('label.s', { hasText: /^10$/ }).click();
    await expectResponses(recipientId, [{ score: 10 }]);

    await page.locator('#comment').fill('Great service');
    await Promise.all([page.waitForURL(/\/r\/[^/]+$/), page.getByRole('button', { name: 'Send' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Thanks for your answer!');
    await expectResponses(recipientId, [{ score: 10, comment: 'Great service' }]);
    await context.close();
  });

  it('with JavaScript disabled, the form post counts the score (acceptance 3)', async () => {
    const { html, recipientId } = await emailFor('nojs@example.com');
    const context = await browser.newContext({ userAgent: DESKTOP_CHROME, javaScriptEnabled: false });
    const page = await context.newPage();
    await openEmailAndClick(page, html, 6);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await responsesFor(recipientId)).toEqual([]);
    expect(await page.locator('#prompt').textContent()).toBe('What could we do better?');
    await page.locator('#comment').fill('Slow checkout');
    await Promise.all([page.waitForURL(/\/r\/[^/]+$/), page.getByRole('button', { name: 'Send' }).click()]);
    await expectResponses(recipientId, [{ score: 6, comment: 'Slow checkout' }]);
    await context.close();
  });
});
