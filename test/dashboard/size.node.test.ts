// Acceptance 8: the JavaScript a first visit downloads stays within 60 KB gzip. Builds the dashboard with its
// real Vite config into a temporary folder (so web/dist, which other tests serve, is left alone).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSizes, INITIAL_JS_BUDGET_BYTES, initialScripts } from '../../web/size-report.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'rapport-dashboard-'));

beforeAll(async () => {
  await build({
    configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('dashboard bundle', () => {
  it('keeps the initial JavaScript within 60 KB gzip', () => {
    const { initialGzip, budget } = dashboardSizes(outDir);
    expect(budget).toBe(60 * 1024);
    expect(initialGzip).toBeGreaterThan(0);
    expect(initialGzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });

  it('counts exactly the scripts index.html loads up front', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const { chunks } = dashboardSizes(outDir);
    expect(new Set(chunks.filter((chunk) => chunk.initial).map((chunk) => chunk.file))).toEqual(initialScripts(html));
    expect(initialScripts(html).size).toBeGreaterThan(0);
  });

  it('splits pages into chunks loaded on demand', () => {
    const { chunks } = dashboardSizes(outDir);
    const onDemand = chunks.filter((chunk) => !chunk.initial).map((chunk) => chunk.file);
    for (const page of [
      'login',
      'overview',
      'responses',
      'segments',
      'surveys',
      'survey-editor',
      'settings',
      'campaigns',
      'campaign-new',
      'campaign',
    ]) {
      expect(
        onDemand.some((file) => file.startsWith(`/assets/${page}-`)),
        page,
      ).toBe(true);
    }
  });

  it('reads initial scripts from both the module script and modulepreload links', () => {
    const html =
      '<script type="module" crossorigin src="/assets/index-a.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/vendor-b.js"><link rel="stylesheet" href="/assets/index-c.css">';
    expect(initialScripts(html)).toEqual(new Set(['/assets/index-a.js', '/assets/vendor-b.js']));
  });
});
