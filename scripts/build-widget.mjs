// Builds the embeddable widget into web/dist (run after the Vite build, which empties that folder):
//   w/v1/loader.js       the snippet's target, short-cached
//   w/widget.<hash>.js   the widget body, content-hashed and immutable
//   w/loyalty.<hash>.js  the loyalty panel, a chunk the widget fetches only when the panel is opened
//   _headers             Cache-Control for each (Workers static assets read this file)
// and reports the gzip size of everything needed to render an NPS question: loader + widget + a typical config,
// and, on its own budget, the loyalty panel chunk.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const GZIP_BUDGET_BYTES = 5120;
/** The loyalty panel chunk alone; it is never part of what a page loads for surveys. */
export const LOYALTY_GZIP_BUDGET_BYTES = 5120;
const HEADERS_START = '# rapport-widget:start';
const HEADERS_END = '# rapport-widget:end';

const bundle = async (entry, options = {}) => {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    ...options,
  });
  return result.outputFiles[0].text;
};

const gzipSize = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** The JSON a typical tenant's config endpoint returns, produced by the Worker's own config builder. */
async function typicalConfig() {
  const code = await bundle('web/widget/typical-config.ts', { format: 'esm', minify: false });
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return module.typicalConfig;
}

const CHUNK = /^(widget|loyalty)\..+\.js$/;

function writeHeaders(outDir, widgetPath, loyaltyPath) {
  const file = join(outDir, '_headers');
  const others = existsSync(file) ? readFileSync(file, 'utf8').replace(new RegExp(`${HEADERS_START}[\\s\\S]*?${HEADERS_END}\\n?`), '') : '';
  const ours = [
    HEADERS_START,
    '/w/v1/loader.js',
    '  Cache-Control: public, max-age=300',
    widgetPath.replace(/widget\.[^/]+$/, 'widget.*'),
    '  Cache-Control: public, max-age=31536000, immutable',
    loyaltyPath.replace(/loyalty\.[^/]+$/, 'loyalty.*'),
    '  Cache-Control: public, max-age=31536000, immutable',
    HEADERS_END,
    '',
  ].join('\n');
  writeFileSync(file, others + ours);
}

/**
 * Builds loader and widget into `outDir` (default web/dist) and returns their paths, bytes and gzip sizes.
 * `log` prints the size report.
 */
export async function buildWidget({ outDir = join(root, 'web/dist'), log = false } = {}) {
  const loyalty = await bundle('web/widget/loyalty/entry.ts');
  const loyaltyPath = `/w/loyalty.${createHash('sha256').update(loyalty).digest('hex').slice(0, 10)}.js`;
  const widget = await bundle('web/widget/widget.ts', { define: { LOYALTY_PATH: JSON.stringify(loyaltyPath) } });
  const hash = createHash('sha256').update(widget).digest('hex').slice(0, 10);
  const widgetPath = `/w/widget.${hash}.js`;
  const loader = await bundle('web/widget/loader.ts', { define: { WIDGET_PATH: JSON.stringify(widgetPath) } });
  const config = await typicalConfig();

  mkdirSync(join(outDir, 'w/v1'), { recursive: true });
  for (const old of readdirSync(join(outDir, 'w'))) if (CHUNK.test(old)) rmSync(join(outDir, 'w', old));
  writeFileSync(join(outDir, 'w/v1/loader.js'), loader);
  writeFileSync(join(outDir, widgetPath.slice(1)), widget);
  writeFileSync(join(outDir, loyaltyPath.slice(1)), loyalty);
  writeHeaders(outDir, widgetPath, loyaltyPath);

  const sizes = { loader: gzipSize(loader), widget: gzipSize(widget), config: gzipSize(config), loyalty: gzipSize(loyalty) };
  const total = sizes.loader + sizes.widget + sizes.config;
  if (log) {
    console.log(
      `widget: loader ${sizes.loader} B + widget ${sizes.widget} B + typical config ${sizes.config} B = ${total} B gzip ` +
        `(budget ${GZIP_BUDGET_BYTES} B${total > GZIP_BUDGET_BYTES ? ', OVER BUDGET' : ''})`,
    );
    console.log(
      `loyalty panel chunk (loaded when opened): ${sizes.loyalty} B gzip ` +
        `(budget ${LOYALTY_GZIP_BUDGET_BYTES} B${sizes.loyalty > LOYALTY_GZIP_BUDGET_BYTES ? ', OVER BUDGET' : ''})`,
    );
  }
  return { widgetPath, loyaltyPath, loader, widget, loyalty, config, sizes, total };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildWidget({ log: true });
}
