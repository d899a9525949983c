// Starts the real Worker (wrangler's dev server: workerd, D1, static assets from web/dist, rate limits) for tests that
// drive it from outside: browser tests, email rendering, anything that needs a URL.
//
//   const server = await startWorkerServer();      // fresh, migrated, empty local D1 in a temp dir
//   await fetch(`${server.url}/healthz`);
//   await server.stop();                            // in afterAll; stops the Worker and deletes the state
//   const demo = await startWorkerServer({ seedDemo: true });  // plus the demo tenant as `npm run dev` leaves it:
//   demo.demo.email, .password, .secretKey                     // seeded, metrics computed
//
// Build the assets you need first (e.g. `buildWidget()` from scripts/build-widget.mjs); wrangler serves
// whatever web/dist holds. Each call gets its own port and its own state, so test files do not interfere.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeDemoMetrics, SEED_DEMO_ARGS } from '../../scripts/demo.mjs';
import { credentialsPath, readCredentials, type DemoCredentials } from '../../scripts/seed/credentials';

export interface WorkerServer {
  /** e.g. `http://127.0.0.1:40123`, no trailing slash. */
  url: string;
  /** The `--persist-to` directory holding this server's D1 and other local state. */
  stateDir: string;
  stop(): Promise<void>;
}

export interface DemoWorkerServer extends WorkerServer {
  /** What the seed saved in `rapport-demo.json` next to the state dir. */
  demo: DemoCredentials;
}

export interface WorkerServerOptions {
  /** How long to wait for /healthz to answer. */
  timeoutMs?: number;
  /** Extra plain-text bindings (like `[vars]`); a random DATA_ENCRYPTION_KEY is provided unless given here. */
  vars?: Record<string, string>;
  /**
   * Serve static assets from this directory instead of web/dist. wrangler reloads the Worker whenever its assets
   * directory changes, so API-only tests that run for minutes pass an empty directory of their own.
   */
  assetsDirectory?: string;
  /**
   * Run the Worker as bundled once at start (`wrangler deploy --dry-run`) rather than from wrangler's own build:
   * wrangler 4 keeps esbuild watching the sources whatever `dev.watch` says, so any edit in the shared tree restarts
   * the Worker mid-run and answers the writes then in flight with 503. Tests that run for minutes need this.
   */
  bundleOnce?: boolean;
  /**
   * Seed the demo tenant (scripts/seed.ts) before the Worker starts and compute its metrics once it answers, as
   * `npm run dev` does. The state dir is then `<temp root>/state`, so the credentials file lands in the temp root.
   */
  seedDemo?: boolean;
}

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRANGLER = join(REPO_ROOT, 'node_modules/.bin/wrangler');
const QUIET_ENV = { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0' };

/** A port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function applyMigrations(stateDir: string): void {
  const result = spawnSync(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], {
    cwd: REPO_ROOT,
    env: QUIET_ENV,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrations failed:\n${result.stdout}\n${result.stderr}`);
}

/** The Worker as `wrangler deploy` bundles it, written to `outDir`; returns the entry file. */
function bundleWorker(outDir: string, assetsDirectory: string | undefined): string {
  const args = ['deploy', '--dry-run', '--outdir', outDir, ...(assetsDirectory ? ['--assets', assetsDirectory] : [])];
  const result = spawnSync(WRANGLER, args, { cwd: REPO_ROOT, env: QUIET_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bundling the Worker failed:\n${result.stdout}\n${result.stderr}`);
  return join(outDir, 'index.js');
}

/** Seeds the migrated D1 in `stateDir` and returns the credentials the seed saved next to it. */
function seedDemoTenant(stateDir: string): DemoCredentials {
  const result = spawnSync(process.execPath, SEED_DEMO_ARGS, {
    cwd: REPO_ROOT,
    env: { ...QUIET_ENV, RAPPORT_STATE_DIR: stateDir },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`seeding the demo tenant failed:\n${result.stdout}\n${result.stderr}`);
  const credentials = readCredentials(credentialsPath(stateDir));
  if (!credentials) throw new Error(`the seed wrote no ${credentialsPath(stateDir)}`);
  return credentials;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Worker did not answer /healthz within ${timeoutMs} ms`);
}

export async function startWorkerServer(options: WorkerServerOptions & { seedDemo: true }): Promise<DemoWorkerServer>;
export async function startWorkerServer(options?: WorkerServerOptions): Promise<WorkerServer>;
export async function startWorkerServer(options: WorkerServerOptions = {}): Promise<WorkerServer | DemoWorkerServer> {
  const root = mkdtempSync(join(tmpdir(), 'rapport-worker-'));
  const stateDir = options.seedDemo ? join(root, 'state') : root;
  applyMigrations(stateDir);
  let demo: DemoCredentials | undefined;
  let bundle: string | undefined;
  try {
    if (options.seedDemo) demo = seedDemoTenant(stateDir);
    if (options.bundleOnce) bundle = bundleWorker(join(root, 'bundle'), options.assetsDirectory);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  // In-process wrangler dev. `watch: false` asks for no reloads, but wrangler 4 still rebuilds on source edits and
  // on changes to the assets directory (see `bundleOnce` and `assetsDirectory` for tests that must not restart).
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: join(REPO_ROOT, 'wrangler.toml'),
    ...(options.assetsDirectory ? { assets: options.assetsDirectory } : {}),
    ...(bundle ? { entrypoint: bundle, build: { bundle: false, moduleRoot: dirname(bundle) } } : {}),
    bindings: Object.fromEntries(
      Object.entries({ DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'), ...options.vars }).map(([name, value]) => [
        name,
        { type: 'plain_text', value },
      ]),
    ),
    dev: {
      server: { hostname: '127.0.0.1', port },
      inspector: false,
      persist: stateDir,
      watch: false,
      liveReload: false,
      logLevel: 'error',
    },
  });
  const stop = async () => {
    await worker.dispose();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await worker.ready;
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, options.timeoutMs ?? 90_000);
    if (!demo) return { url, stateDir, stop };
    await computeDemoMetrics(url, demo.secretKey);
    return { url, stateDir, stop, demo };
  } catch (error) {
    await stop();
    throw error;
  }
}
