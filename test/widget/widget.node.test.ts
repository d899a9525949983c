// The widget in real Chromium against the real Worker (wrangler dev), embedded in pages served from
// another origin by a small Node server, as on a customer's site.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without type declarations
import { buildWidget } from '../../scripts/build-widget.mjs';
import { freePort, REPO_ROOT, startWorkerServer, type WorkerServer } from '../node/worker-server';

const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

let server: WorkerServer;
let browser: Browser;
let host: Server;
let hostOrigin: string;
const pages = new Map<string, { html: string; headers: Record<string, string> }>();
let pageCounter = 0;
let ipCounter = 0;

beforeAll(async () => {
  await buildWidget();
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  hostOrigin = `http://127.0.0.1:${port}`;
  host = createServer((request, response) => {
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const found = pages.get((request.url ?? '/').split('?')[0]!);
    response.writeHead(found ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', ...found?.headers });
    response.end(found?.html ?? 'not found');
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  [server, browser] = await Promise.all([
    startWorkerServer(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => host?.close(resolve));
});

// ---------- the shop's account, through the real API ----------

interface SurveySpec {
  kind?: 'nps' | 'csat' | 'ces';
  settings?: Record<string, unknown>;
  texts?: Record<string, unknown>;
}

interface Shop {
  secretKey: string;
  publishableKey: string;
  surveyIds: string[];
}

const englishTexts = {
  en: {
    question: 'How likely are you to recommend Northwind Coffee to a friend?',
    followUp: { default: 'What is the main reason for your score?', promoter: 'What do you like most?' },
    thankYou: 'Thank you!',
  },
};

async function callApi(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const response = await fetch(server.url + path, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.9.0.${++ipCounter % 250}`, ...init.headers },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function newShop(surveys: SurveySpec[]): Promise<Shop> {
  const signup = await callApi('/api/auth/signup', {
    json: { tenantName: 'Northwind Coffee', email: `owner-${crypto.randomUUID()}@example.com`, password: 'correct horse battery' },
  });
  const session = {
    Cookie: signup.headers.getSetCookie()[0]!.split(';')[0]!,
    'X-CSRF-Token': ((await signup.json()) as { csrfToken: string }).csrfToken,
  };
  const key = async (kind: string) =>
    ((await (await callApi('/api/keys', { headers: session, json: { name: kind, kind } })).json()) as { key: string }).key;
  const shop: Shop = { secretKey: await key('secret'), publishableKey: await key('publishable'), surveyIds: [] };
  await callApi('/api/tenant', { method: 'PATCH', headers: session, json: { allowedOrigins: [hostOrigin] } });
  for (const spec of surveys) {
    const created = await callApi('/v1/surveys', {
      headers: { Authorization: `Bearer ${shop.secretKey}` },
      json: { kind: spec.kind ?? 'nps', name: spec.kind ?? 'nps', status: 'active', texts: spec.texts ?? englishTexts, settings: spec.settings ?? {} },
    });
    shop.surveyIds.push(((await created.json()) as { id: string }).id);
  }
  return shop;
}

interface StoredResponse {
  id: string;
  score: number;
  comment: string | null;
  pageUrl: string | null;
  locale: string | null;
  device: string | null;
  channel: string;
}

async function responsesOf(shop: Shop): Promise<StoredResponse[]> {
  const response = await callApi('/v1/responses?limit=200', { headers: { Authorization: `Bearer ${shop.secretKey}` } });
  return ((await response.json()) as { data: StoredResponse[] }).data;
}

// ---------- host pages on another origin ----------

const snippet = (shop: Shop, attributes = '') =>
  `<script async src="${server.url}/w/v1/loader.js" data-key="${shop.publishableKey}"${attributes}></script>`;

/** Serves `html` from the host origin and returns its URL. */
function hostPage(html: string, headers: Record<string, string> = {}, name = `page-${++pageCounter}`): string {
  pages.set(`/${name}`, { html, headers });
  return `${hostOrigin}/${name}`;
}

const plainPage = (head: string, body = '<h1>Shop</h1><button id="buy">Buy</button>') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}</head><body>${body}</body></html>`;

/** The demo shop page, with the placeholders `npm run dev` fills in. */
function demoPage(shop: Shop): string {
  const html = readFileSync(join(REPO_ROOT, 'web/demo/index.html'), 'utf8')
    .replaceAll('{{RAPPORT_ORIGIN}}', server.url)
    .replaceAll('{{RAPPORT_PUBLISHABLE_KEY}}', shop.publishableKey);
  return hostPage(html, {}, `demo-${++pageCounter}`);
}

async function newPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

const widget = (page: Page) => page.locator('rapport-widget');
const radio = (page: Page, score: number) => widget(page).getByRole('radio', { name: String(score), exact: true });

/** Waits until the config arrived and a 0-second trigger would have fired, for checks that nothing showed. */
async function settle(page: Page, configSeen: Promise<unknown>): Promise<void> {
  await configSeen;
  await page.waitForTimeout(1500);
}

const configResponse = (page: Page) => page.waitForResponse((response) => response.url().includes('/w/v1/config'));

const displayResults = (page: Page): Array<{ recorded: boolean }> => {
  const results: Array<{ recorded: boolean }> = [];
  page.on('response', async (response) => {
    if (response.url().endsWith('/w/v1/events') && response.request().postData()?.includes('"display"')) {
      results.push((await response.json()) as { recorded: boolean });
    }
  });
  return results;
};

const NOW = { type: 'delay', seconds: 0 };

describe('embeddable widget in Chromium', () => {
  it('1. on the demo page (another origin): appears on its trigger, stores the tap at once, puts the comment on the same row', async () => {
    const shop = await newShop([{ settings: { trigger: { type: 'delay', seconds: 1 } } }, { kind: 'csat', settings: { trigger: { type: 'event', name: 'purchase' } } }]);
    const { context, page, errors } = await newPage();
    const url = demoPage(shop);
    expect(new URL(url).origin).not.toBe(new URL(server.url).origin);
    const displays = displayResults(page);
    await page.goto(url);

    await expect.poll(() => radio(page, 9).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-desktop.png'), animations: 'disabled' });
    await radio(page, 9).click();
    // Stored on the tap, before any comment is written.
    await expect.poll(() => responsesOf(shop)).toMatchObject([{ score: 9, comment: null }]);
    const [first] = await responsesOf(shop);
    expect(first).toMatchObject({ pageUrl: url, locale: 'en', device: 'desktop', channel: 'widget' });
    expect(displays).toEqual([{ recorded: true }]);

    const comment = widget(page).getByRole('textbox', { name: 'What do you like most?' });
    await comment.fill('Great beans, fast shipping');
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await responsesOf(shop))[0]?.comment).toBe('Great beans, fast shipping');
    const rows = await responsesOf(shop);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(first!.id);
    await expect.poll(() => widget(page).getByRole('status').textContent()).toBe('Thank you!');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('2. works with the keyboard only: Tab in, arrows pick, Enter submits, Escape closes and gives focus back', async () => {
    const shop = await newShop([{ settings: { trigger: { type: 'delay', seconds: 1 } } }]);
    const { context, page } = await newPage();
    await page.goto(hostPage(plainPage(snippet(shop))));
    await page.focus('#buy');
    await expect.poll(() => radio(page, 0).isVisible()).toBe(true);

    const focused = () =>
      page.evaluate(() => {
        const root = document.querySelector('rapport-widget')?.shadowRoot;
        const inside = root?.activeElement;
        return inside ? `${inside.getAttribute('role') ?? inside.tagName}:${inside.textContent}` : `page:${document.activeElement?.id}`;
      });
    // Focus moved into the dialog; Tab reaches the radio group.
    await expect.poll(focused).toMatch(/^dialog:/);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('radio:0');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('radio:8');
    expect(await radio(page, 8).getAttribute('aria-checked')).toBe('true');
    expect(await radio(page, 7).getAttribute('aria-checked')).toBe('false');
    expect(await widget(page).getByRole('radiogroup').getAttribute('aria-labelledby')).toBe('q');
    await page.keyboard.press('Enter');
    await expect.poll(() => responsesOf(shop)).toMatchObject([{ score: 8 }]);
    expect(await focused()).toMatch(/^TEXTAREA:/);

    await page.keyboard.press('Escape');
    await expect.poll(() => widget(page).count()).toBe(0);
    expect(await focused()).toBe('page:buy');
    expect(await responsesOf(shop)).toHaveLength(1);
    await context.close();
  });

  it('2b. Escape before answering dismisses: recorded as a dismissal, no response', async () => {
    const shop = await newShop([{ settings: { trigger: NOW } }]);
    const { context, page } = await newPage();
    const dismissals: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/w/v1/events') && request.postData()?.includes('"dismiss"')) dismissals.push(request.postData()!);
    });
    await page.goto(hostPage(plainPage(snippet(shop))));
    await expect.poll(() => radio(page, 0).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => widget(page).count()).toBe(0);
    await expect.poll(() => dismissals.length).toBe(1);
    expect(await responsesOf(shop)).toEqual([]);
    await context.close();
  });

  it('3. stays correct and usable under hostile global CSS', async () => {
    const shop = await newShop([{ settings: { trigger: NOW } }]);
    const probe = (page: Page) =>
      page.evaluate(() => {
        const root = document.querySelector('rapport-widget')!.shadowRoot!;
        const panel = root.querySelector('[role=dialog]')!;
        const score = root.querySelector('[role=radio]')!;
        const pick = (element: Element) => {
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return { display: style.display, fontSize: style.fontSize, position: style.position, color: style.color, width: Math.round(box.width), height: Math.round(box.height) };
        };
        return { panel: pick(panel), score: pick(score), radios: root.querySelectorAll('[role=radio]').length };
      });

    const clean = await newPage();
    await clean.page.goto(hostPage(plainPage(snippet(shop))));
    await expect.poll(() => radio(clean.page, 9).isVisible()).toBe(true);
    const expected = await probe(clean.page);
    await clean.context.close();

    const hostile = '<style>* { all: unset; font-size: 40px !important } button { display: none !important } div { color: red !important; position: static !important }</style>';
    const { context, page } = await newPage();
    await page.goto(hostPage(plainPage(hostile + snippet(shop))));
    await expect.poll(() => radio(page, 9).isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#buy')!).display)).toBe('none');
    const actual = await probe(page);
    expect(actual).toEqual(expected);
    expect(actual.score.fontSize).toBe('16px');
    expect(actual.score.height).toBeGreaterThanOrEqual(40);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-hostile-css.png'), animations: 'disabled' });
    await radio(page, 9).click();
    await expect.poll(() => responsesOf(shop)).toMatchObject([{ score: 9 }]);
    await context.close();
  });

  it('4. works on a page with a strict CSP (script-src only the Rapport origin, no inline, no eval)', async () => {
    const shop = await newShop([{ settings: { trigger: NOW } }]);
    const csp = `default-src 'self'; script-src ${server.url}; connect-src ${server.url}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'`;
    const { context, page, errors } = await newPage();
    await page.goto(hostPage(plainPage(snippet(shop)), { 'Content-Security-Policy': csp }));
    await expect.poll(() => radio(page, 9).isVisible()).toBe(true);
    await radio(page, 9).click();
    await expect.poll(() => responsesOf(shop)).toMatchObject([{ score: 9 }]);
    await widget(page).getByRole('textbox').fill('Works under CSP');
    await widget(page).getByRole('button', { name: 'Send' }).click();
    await expect.poll(async () => (await responsesOf(shop))[0]?.comment).toBe('Works under CSP');
    expect(errors.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
    await context.close();
  });

  it('5. renders a bottom sheet with ≥ 40 px targets at 375 px', async () => {
    const shop = await newShop([{ settings: { trigger: NOW } }]);
    const { context, page } = await newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto(demoPage(shop));
    await expect.poll(() => radio(page, 10).isVisible()).toBe(true);
    const panel = (await widget(page).getByRole('dialog').boundingBox())!;
    expect(panel.x).toBe(0);
    expect(panel.width).toBe(375);
    expect(Math.round(panel.y + panel.height)).toBe(740);
    for (let score = 0; score <= 10; score++) {
      const box = (await radio(page, score).boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(40);
      expect(box.height).toBeGreaterThanOrEqual(40);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    const close = (await widget(page).getByRole('button', { name: 'Close' }).boundingBox())!;
    expect(Math.min(close.width, close.height)).toBeGreaterThanOrEqual(40);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-mobile.png'), animations: 'disabled' });
    await radio(page, 10).tap();
    await expect.poll(() => responsesOf(shop)).toMatchObject([{ score: 10, device: 'mobile' }]);
    await context.close();
  });

  it('6. does not come back within the recontact window or the cooldown, also for the same customer elsewhere; sampling 0 % never shows', async () => {
    const shop = await newShop([
      { settings: { trigger: NOW, recontact: { mode: 'every', days: 90 } } },
      { kind: 'csat', settings: { trigger: { type: 'event', name: 'purchase' } } },
    ]);
    const { context, page } = await newPage();
    const url = hostPage(plainPage(snippet(shop)));
    await page.goto(url);
    await radio(page, 9).click();
    await expect.poll(() => responsesOf(shop)).toHaveLength(1);

    const displays = displayResults(page);
    const config = configResponse(page);
    await page.reload();
    await settle(page, config);
    expect(await widget(page).count()).toBe(0);
    // Another survey's trigger within the 7-day cooldown: still nothing.
    await page.evaluate("rapport('track', 'purchase')");
    await page.waitForTimeout(500);
    expect(await widget(page).count()).toBe(0);
    expect(displays).toEqual([]);
    await context.close();

    // An identified customer: the server keeps the rule, so a fresh browser (empty localStorage) does not show it again.
    const identified = hostPage(plainPage(`<script>window.rapport=function(){(rapport.q=rapport.q||[]).push(arguments)};rapport('identify',{id:'cust-42',locale:'en'})</script>${snippet(shop)}`));
    const laptop = await newPage();
    await laptop.page.goto(identified);
    await radio(laptop.page, 6).click();
    await expect.poll(() => responsesOf(shop)).toHaveLength(2);
    await laptop.context.close();
    const phone = await newPage();
    const refused = displayResults(phone.page);
    await phone.page.goto(identified);
    await expect.poll(() => refused).toEqual([{ recorded: false }]);
    expect(await widget(phone.page).count()).toBe(0);
    await phone.context.close();

    const unsampled = await newShop([{ settings: { trigger: NOW, samplingPercent: 0 } }]);
    for (let visitor = 0; visitor < 3; visitor++) {
      const fresh = await newPage();
      const events: string[] = [];
      fresh.page.on('request', (request) => request.url().includes('/w/v1/events') && events.push(request.url()));
      const seen = configResponse(fresh.page);
      await fresh.page.goto(hostPage(plainPage(snippet(unsampled))));
      await settle(fresh.page, seen);
      expect(await widget(fresh.page).count()).toBe(0);
      expect(events).toEqual([]);
      await fresh.context.close();
    }
  });

  it('7. keeps an answer given offline and stores it once the network is back, exactly once', async () => {
    const shop = await newShop([{ settings: { trigger: NOW } }]);
    const { context, page } = await newPage();
    const url = hostPage(plainPage(snippet(shop)));
    await page.goto(url);
    await expect.poll(() => radio(page, 9).isVisible()).toBe(true);

    await context.setOffline(true);
    await radio(page, 9).click();
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage['rapport:q'] ?? '[]').length)).toBe(1);
    expect(await responsesOf(shop)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => responsesOf(shop)).toMatchObject([{ score: 9 }]);
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage['rapport:q'] ?? '[]').length)).toBe(0);
    // A reload (which flushes the queue again) does not duplicate it.
    const config = configResponse(page);
    await page.reload();
    await settle(page, config);
    expect(await responsesOf(shop)).toHaveLength(1);
    await context.close();
  });

  it('triggers: scroll, track(event), show by code, URL exclusion, and survey texts in the visitor’s language', async () => {
    const shop = await newShop([
      { settings: { trigger: { type: 'scroll', percent: 50 } } },
      { kind: 'ces', settings: { trigger: { type: 'manual' }, position: 'center' }, texts: { ...englishTexts, ru: { question: 'Легко ли было оформить заказ?', followUp: { default: 'Что можно улучшить?' }, thankYou: 'Спасибо!' } } },
    ]);
    const [scrollSurvey, manualSurvey] = shop.surveyIds;
    const tall = plainPage(snippet(shop), '<h1>Long article</h1><div style="height:4000px"></div>');

    const { context, page } = await newPage();
    const config = configResponse(page);
    await page.goto(hostPage(tall));
    await settle(page, config);
    expect(await widget(page).count()).toBe(0);
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => radio(page, 10).isVisible()).toBe(true);
    expect(scrollSurvey).toBeDefined();
    await context.close();

    // show() on a manual survey, rendered in Russian from data-locale, as a centred modal.
    const russian = await newPage();
    await russian.page.goto(hostPage(plainPage(snippet(shop, ' data-locale="ru"'), '<div style="height:4000px"></div>')));
    await russian.page.waitForFunction(() => 'b' in (window as { rapport?: object }).rapport!);
    await russian.page.evaluate(`rapport('show', '${manualSurvey}')`);
    await expect.poll(() => widget(russian.page).getByText('Легко ли было оформить заказ?').isVisible()).toBe(true);
    expect(await widget(russian.page).getByRole('radio').count()).toBe(7);
    expect(await widget(russian.page).getByRole('dialog').getAttribute('aria-modal')).toBe('true');
    expect(await widget(russian.page).getByRole('button', { name: 'Закрыть' }).count()).toBe(1);
    await russian.page.screenshot({ path: join(ARTIFACTS, 'widget-center-ru.png'), animations: 'disabled' });
    await radio(russian.page, 6).click();
    await expect.poll(() => responsesOf(shop)).toMatchObject([{ score: 6, locale: 'ru' }]);
    await russian.context.close();

    // track(event): the demo's Buy button calls rapport('track', 'purchase').
    const purchase = await newShop([{ kind: 'csat', settings: { trigger: { type: 'event', name: 'purchase' } } }]);
    const buyer = await newPage();
    const buyerConfig = configResponse(buyer.page);
    await buyer.page.goto(demoPage(purchase));
    await settle(buyer.page, buyerConfig);
    expect(await widget(buyer.page).count()).toBe(0);
    await buyer.page.getByRole('button', { name: 'Buy now' }).click();
    await expect.poll(() => radio(buyer.page, 5).isVisible()).toBe(true);
    expect(await widget(buyer.page).getByRole('radio').count()).toBe(5);
    expect(await widget(buyer.page).getByText('Very satisfied').count()).toBe(1);
    await buyer.context.close();

    // Exit intent: the pointer leaves through the top of the window.
    const leaving = await newShop([{ settings: { trigger: { type: 'exit_intent' } } }]);
    const leaver = await newPage();
    const leaverConfig = configResponse(leaver.page);
    await leaver.page.goto(hostPage(plainPage(snippet(leaving))));
    await settle(leaver.page, leaverConfig);
    await leaver.page.mouse.move(600, 300);
    expect(await widget(leaver.page).count()).toBe(0);
    await leaver.page.evaluate(() => document.documentElement.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 600, clientY: -2 })));
    await expect.poll(() => radio(leaver.page, 0).isVisible()).toBe(true);
    await leaver.context.close();

    const excluded = await newShop([{ settings: { trigger: NOW, urlExclude: ['*/checkout*'] } }]);
    const checkout = await newPage();
    const seen = configResponse(checkout.page);
    await checkout.page.goto(hostPage(plainPage(snippet(excluded)), {}, `checkout-${++pageCounter}`));
    await settle(checkout.page, seen);
    expect(await widget(checkout.page).count()).toBe(0);
    await checkout.context.close();
  });
  it('follows dark mode and reduced motion, and fits at 200 % zoom', async () => {
    const shop = await newShop([{ settings: { trigger: NOW } }]);
    const { context, page } = await newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, colorScheme: 'dark', reducedMotion: 'reduce' });
    await page.goto(hostPage(plainPage(snippet(shop))));
    await expect.poll(() => radio(page, 10).isVisible()).toBe(true);
    const style = await page.evaluate(() => {
      const panel = document.querySelector('rapport-widget')!.shadowRoot!.querySelector('[role=dialog]')!;
      const computed = getComputedStyle(panel);
      return { background: computed.backgroundColor, animation: computed.animationName };
    });
    expect(style).toEqual({ background: 'rgb(31, 41, 55)', animation: 'none' });
    // 640 CSS px is a 1280 px window at 200 % zoom: every score stays on screen and big enough.
    for (let score = 0; score <= 10; score++) {
      const box = (await radio(page, score).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(640);
      expect(box.y + box.height).toBeLessThanOrEqual(400);
      expect(box.width).toBeGreaterThanOrEqual(40);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'widget-dark-zoom.png') });
    await context.close();
  });
});
