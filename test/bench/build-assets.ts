// Makes sure web/dist holds a current build (dashboard + widget) before the bench serves and measures it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../node/worker-server';

const SOURCES = [
  'web/src',
  'web/widget',
  'web/index.html',
  'web/vite.config.ts',
  'scripts/build.mjs',
  'scripts/build-widget.mjs',
];
const OUTPUTS = ['web/dist/index.html', 'web/dist/w/v1/loader.js'];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/**
 * Runs `node scripts/build.mjs` when web/dist is missing or older than its sources. A current build is left alone:
 * the working tree is shared, and other test runs may be serving web/dist at this moment.
 */
export function ensureAssetsBuilt(): void {
  const outputs = OUTPUTS.map((path) => join(REPO_ROOT, path));
  const built = outputs.every((path) => existsSync(path)) ? Math.min(...outputs.map((path) => statSync(path).mtimeMs)) : 0;
  const sources = Math.max(...SOURCES.map((path) => newestMtime(join(REPO_ROOT, path))));
  if (built >= sources) return;
  console.log('Building web/dist (node scripts/build.mjs)…');
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('node scripts/build.mjs failed');
}
