// Starts the real Worker (wrangler's dev server: workerd, D1, static assets from web/dist, rate limits) for tests that
// drive it from outside: browser tests, email rendering, anything that needs a URL.
//
//   const server = await startWorkerServer();      // fresh, migrated, empty local D1 in a temp dir
//   await fetch(`${server.url}/healthz`);
//   await server.stop();                            // in afterAll; stops the Worker and deletes the state
//
// Build the assets you need first (e.g. `buildWidget()` from scripts/build-widget.mjs); wrangler serves
// whatever web/dist holds. Each call gets its own port and its own state, so test files do not interfere.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerServer {
  /** e.g. `http://127.0.0.1:40123`, no trailing slash. */
  url: string;
  /** The `--persist-to` directory holding this server's D1 and other local state. */
  stateDir: string;
  stop(): Promise<void>;
}

export interface WorkerServerOptions {
  /** How long to wait for /healthz to answer. */
  timeoutMs?: number;
  /** Extra plain-text bindings (like `[vars]`); a random DATA_ENCRYPTION_KEY is provided unless given here. */
  vars?: Record<string, string>;
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

export async function startWorkerServer(options: WorkerServerOptions = {}): Promise<WorkerServer> {
  const stateDir = mkdtempSync(join(tmpdir(), 'rapport-worker-'));
  applyMigrations(stateDir);
  const port = await freePort();
  // In-process wrangler dev, without the file watcher: the working tree is shared, and a reload caused by
  // someone else's edit in the middle of a test would fail requests at random.
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: join(REPO_ROOT, 'wrangler.toml'),
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
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await worker.ready;
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, options.timeoutMs ?? 90_000);
    return { url, stateDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
