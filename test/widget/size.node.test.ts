import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without type declarations
import { buildWidget, GZIP_BUDGET_BYTES } from '../../scripts/build-widget.mjs';

interface BuiltWidget {
  widgetPath: string;
  loader: string;
  widget: string;
  config: string;
  total: number;
}

const outDir = mkdtempSync(join(tmpdir(), 'rapport-widget-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const gzip = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

describe('widget build', () => {
  it('fits loader + widget + a typical config response in 5,120 bytes gzip', async () => {
    const built = (await buildWidget({ outDir })) as BuiltWidget;
    const loader = readFileSync(join(outDir, 'w/v1/loader.js'), 'utf8');
    const widget = readFileSync(join(outDir, built.widgetPath.slice(1)), 'utf8');
    const total = gzip(loader) + gzip(widget) + gzip(built.config);
    expect(GZIP_BUDGET_BYTES).toBe(5120);
    expect(total).toBe(built.total);
    expect(total).toBeLessThanOrEqual(5120);
    // The config measured is a real one: both surveys with their texts.
    expect(JSON.parse(built.config).surveys).toHaveLength(2);
  });

  it('emits classic scripts (no module syntax, no eval) and a hashed, immutable widget path', async () => {
    const built = (await buildWidget({ outDir })) as BuiltWidget;
    expect(built.widgetPath).toMatch(/^\/w\/widget\.[0-9a-f]{10}\.js$/);
    for (const code of [built.loader, built.widget]) {
      expect(code.startsWith('"use strict";(()=>{')).toBe(true);
      expect(code).not.toMatch(/\bimport\s*[({"']|\bexport\s|\beval\(|new Function/);
    }
    expect(built.loader).toContain(built.widgetPath);
    const headers = readFileSync(join(outDir, '_headers'), 'utf8');
    expect(headers).toContain('/w/v1/loader.js\n  Cache-Control: public, max-age=300');
    expect(headers).toContain('/w/widget.*\n  Cache-Control: public, max-age=31536000, immutable');
  });
});
