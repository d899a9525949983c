// The loyalty panel is a chunk of its own: on its own gzip budget, and never part of what the survey widget loads.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without type declarations
import { buildWidget, LOYALTY_GZIP_BUDGET_BYTES } from '../../scripts/build-widget.mjs';

interface BuiltWidget {
  widgetPath: string;
  loyaltyPath: string;
  loader: string;
  widget: string;
  loyalty: string;
  sizes: { loyalty: number };
}

const outDir = mkdtempSync(join(tmpdir(), 'rapport-loyalty-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('loyalty panel chunk', () => {
  it('fits in 5,120 bytes gzip on its own, is a hashed classic script, and is cached as immutable', async () => {
    const built = (await buildWidget({ outDir })) as BuiltWidget;
    expect(LOYALTY_GZIP_BUDGET_BYTES).toBe(5120);
    expect(built.loyaltyPath).toMatch(/^\/w\/loyalty\.[0-9a-f]{10}\.js$/);
    const chunk = readFileSync(join(outDir, built.loyaltyPath.slice(1)), 'utf8');
    expect(chunk).toBe(built.loyalty);
    const gzipped = gzipSync(Buffer.from(chunk), { level: 9 }).length;
    expect(gzipped).toBe(built.sizes.loyalty);
    expect(gzipped).toBeLessThanOrEqual(LOYALTY_GZIP_BUDGET_BYTES);
    expect(chunk.startsWith('"use strict";(()=>{')).toBe(true);
    expect(chunk).not.toMatch(/\bimport\s*[({"']|\bexport\s|\beval\(|new Function/);
    const headers = readFileSync(join(outDir, '_headers'), 'utf8');
    expect(headers).toContain('/w/loyalty.*\n  Cache-Control: public, max-age=31536000, immutable');
  });

  it('stays out of the survey widget: the widget only knows the chunk’s path, the loader not even that', async () => {
    const built = (await buildWidget({ outDir })) as BuiltWidget;
    expect(built.widget).toContain(built.loyaltyPath);
    expect(built.loader).not.toContain('loyalty');
    // Markers of the panel's code: its request header and its custom element.
    for (const marker of ['Rapport-Member-Hash', '"rapport-loyalty"']) {
      expect(built.loyalty).toContain(marker);
      expect(built.widget).not.toContain(marker);
      expect(built.loader).not.toContain(marker);
    }
  });
});
