import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const WRANGLER_BIN = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Local D1 commands against the `DB` binding, in `persistTo` when given (wrangler's default state dir otherwise). */
export class LocalD1 {
  constructor(private readonly persistTo: string | undefined) {}

  /** Runs a SQL file as one D1 batch, which is atomic: a failure leaves nothing behind. */
  executeFile(file: string): void {
    this.#run(['--file', file]);
  }

  /** Runs one read-only statement and returns its rows. */
  query<Row>(sql: string): Row[] {
    const output = this.#run(['--json', '--command', sql]);
    const [result] = JSON.parse(output) as { results: Row[] }[];
    if (!result) throw new Error(`no result for: ${sql}`);
    return result.results;
  }

  #run(args: string[]): string {
    const persist = this.persistTo ? ['--persist-to', this.persistTo] : [];
    const result = spawnSync(process.execPath, [WRANGLER_BIN, 'd1', 'execute', 'DB', '--local', ...persist, ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      // No stdin: wrangler then never waits for a confirmation.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      throw new Error(`wrangler d1 execute failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
    }
    return result.stdout;
  }
}
