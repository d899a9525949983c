// Browser helpers for the dashboard's end-to-end tests: Debian Chromium via playwright-core, axe-core checks
// and screenshots under test/artifacts/dashboard (gitignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './worker-server';

export const ARTIFACTS = join(REPO_ROOT, 'test/artifacts/dashboard');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The Worker serves web/dist; rebuild it only when the dashboard sources are newer (other tests serve it too). */
export function ensureDashboardBuilt(): void {
  const index = join(REPO_ROOT, 'web/dist/index.html');
  const sources = Math.max(newestMtime(join(REPO_ROOT, 'web/src')), statSync(join(REPO_ROOT, 'web/index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools rather than added as a <script>: the dashboard's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface PageOptions {
  width?: number;
  colorScheme?: 'light' | 'dark';
}

/** A fresh context (own cookies) in English at `width` px, light or dark. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  return { context, page: await context.newPage() };
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

export interface CheckedPage {
  path: string;
  /** Screenshot file name stem. */
  name: string;
  /** The page's h1 once it has loaded. */
  heading: string;
}

/** Every page is checked at these widths, in light and dark. */
export const VIEWPORTS = [
  [1280, 'light'],
  [375, 'light'],
  [1280, 'dark'],
  [375, 'dark'],
] as const;

/**
 * Opens each page once it has settled (no loading state, no requests in flight), screenshots it as
 * `<name>-<suffix>` and returns its serious axe violations, and any sideways scrolling, as readable lines.
 */
export async function checkPages(page: Page, pages: CheckedPage[], suffix: string): Promise<string[]> {
  const found: string[] = [];
  for (const { path, name, heading } of pages) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.state-loading'));
    await page.waitForLoadState('networkidle');
    await screenshot(page, `${name}-${suffix}`);
    for (const violation of await seriousViolations(page)) found.push(`${name} ${suffix}: ${JSON.stringify(violation)}`);
    // Wide tables scroll inside their own region; the page itself must fit the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) found.push(`${name} ${suffix}: the page scrolls sideways by ${overflow}px`);
  }
  return found;
}
