// The demo tenant `npm run dev` opens on, prepared the same way by scripts/dev.mjs and by the tests that drive it
// (startWorkerServer({ seedDemo: true }) in test/node/worker-server.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Node arguments that seed the demo tenant (scripts/seed.ts) into the migrated local D1 under RAPPORT_STATE_DIR and
 * write its credentials next to that dir. Writes the database directly, so the Worker need not run.
 */
export const SEED_DEMO_ARGS = ['--import', 'tsx', join(ROOT, 'scripts', 'seed.ts')];

/** The seed writes raw rows only; rebuilding the rollups once gives the dashboard its numbers (idempotent). */
export async function computeDemoMetrics(apiOrigin, secretKey) {
  const response = await fetch(`${apiOrigin}/v1/metrics/recompute`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ rebuild: true }),
  });
  if (!response.ok) throw new Error(`computing the demo metrics failed: ${response.status} ${await response.text()}`);
}
