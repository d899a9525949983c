import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

/** A project whose tests run inside workerd against the real Worker and a migrated local D1. */
const workersProject = (name: string, include: string[], exclude: string[] = []): TestProjectInlineConfiguration => ({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(migrationsDir),
          // Test-only values for secrets production sets with `wrangler secret put`.
          DATA_ENCRYPTION_KEY: 'cmFwcG9ydC10ZXN0LW9ubHktd2ViaG9vay1rZXktMzI=',
          WEBHOOK_RETRY_BASE_SECONDS: '0',
        },
      },
    })),
  ],
  test: {
    name,
    include,
    exclude: ['test/**/*.node.test.ts', ...exclude],
    setupFiles: ['./test/apply-migrations.ts'],
    // These run beside the browser tests of the node project on two cores; vitest's 5 s default is a speed
    // assertion in disguise there (speed belongs in `npm run bench`).
    testTimeout: 30_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      workersProject('workers', ['test/**/*.test.ts'], ['test/reliability/**']),
      // Slow by design (fuzzing every route, load without loss): `npm run test:reliability`, also run by .ci/run.
      workersProject('reliability', ['test/reliability/**/*.test.ts']),
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.ts'],
          exclude: ['test/reliability/**'],
          // One file at a time whatever the core count: the Worker servers serve web/dist, which the widget and
          // dev-server tests rebuild, and wrangler restarts a server whose assets change under it.
          maxWorkers: 1,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // What a browser test waits for (a row in the feed, a status message) comes after a round trip to the
          // Worker; vitest's 1 s default for expect.poll is a speed assertion on a shared two-core machine.
          expect: { poll: { timeout: 30_000 } },
        },
      },
      // Reliability tests that drive the real Worker over HTTP from Node (load without loss). They run after the
      // workerd reliability suites rather than beside them, so the load has the machine to itself.
      {
        test: {
          name: 'reliability-node',
          environment: 'node',
          include: ['test/reliability/**/*.node.test.ts'],
          testTimeout: 45 * 60_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
