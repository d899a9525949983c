// Gzip sizes of the dashboard's JavaScript in web/dist/assets, and which of it the first page load needs:
// the entry script and the modules index.html preloads. Everything else is a page chunk loaded on demand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_BYTES = 60 * 1024;
const DEFAULT_DIST = fileURLToPath(new URL('./dist', import.meta.url));

/** `/assets/x.js` paths that index.html loads up front (module script and modulepreload links). */
export function initialScripts(html) {
  const paths = new Set();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+\.js)"/g)) paths.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) paths.add(match[1]);
  return paths;
}

export function dashboardSizes(distDir = DEFAULT_DIST) {
  const initial = initialScripts(readFileSync(join(distDir, 'index.html'), 'utf8'));
  const chunks = readdirSync(join(distDir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(join(distDir, 'assets', file));
      return {
        file: `/assets/${file}`,
        bytes: content.length,
        gzip: gzipSync(content, { level: 9 }).length,
        initial: initial.has(`/assets/${file}`),
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const missing = [...initial].filter((path) => !chunks.some((chunk) => chunk.file === path));
  if (missing.length > 0) throw new Error(`index.html loads scripts that are not in assets/: ${missing.join(', ')}`);
  const initialGzip = chunks.filter((chunk) => chunk.initial).reduce((sum, chunk) => sum + chunk.gzip, 0);
  return { chunks, initialGzip, budget: INITIAL_JS_BUDGET_BYTES };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function reportDashboardSizes(distDir = DEFAULT_DIST) {
  const { chunks, initialGzip, budget } = dashboardSizes(distDir);
  const width = Math.max(...chunks.map((chunk) => chunk.file.length));
  console.log('dashboard JS (gzip):');
  for (const chunk of chunks)
    console.log(`  ${chunk.file.padEnd(width)}  ${kb(chunk.gzip).padStart(9)}  ${chunk.initial ? 'initial' : 'on demand'}`);
  console.log(
    `dashboard: initial JS ${kb(initialGzip)} gzip (budget ${kb(budget)}${initialGzip > budget ? ', OVER BUDGET' : ''})`,
  );
  return { chunks, initialGzip, budget };
}
