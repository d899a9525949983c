// `npm run dev`: builds what the Worker serves, migrates and seeds the local D1 database, then runs
// `wrangler dev` and a static server for the demo shop page on a second origin. Ctrl-C stops both.
//
// Env: RAPPORT_PORT (8787), RAPPORT_DEMO_PORT (8788), RAPPORT_STATE_DIR (wrangler's .wrangler/state;
// passed as --persist-to). Prints `RAPPORT_READY {json}` once /healthz answers, for scripts and tests.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createTcpServer } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeDemoMetrics, SEED_DEMO_ARGS } from './demo.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WRANGLER = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const DEMO_DIR = join(ROOT, 'web', 'demo');
const HOST = '127.0.0.1';
const HEALTH_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 10_000;

const port = Number(process.env.RAPPORT_PORT || 8787);
const demoPort = Number(process.env.RAPPORT_DEMO_PORT || 8788);
const stateDir = process.env.RAPPORT_STATE_DIR ? resolve(process.env.RAPPORT_STATE_DIR) : undefined;
const persistArgs = stateDir ? ['--persist-to', stateDir] : [];
// Same rule as credentialsPath in scripts/seed/credentials.ts: the file sits next to the state dir.
const credentialsFile = join(dirname(stateDir ?? join(ROOT, '.wrangler', 'state')), 'rapport-demo.json');
const apiOrigin = `http://${HOST}:${port}`;
const demoOrigin = `http://${HOST}:${demoPort}`;
const childEnv = {
  ...process.env,
  ...(stateDir ? { RAPPORT_STATE_DIR: stateDir } : {}),
  RAPPORT_DEMO_PORT: String(demoPort),
  WRANGLER_SEND_METRICS: 'false',
};

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {import('node:http').Server | undefined} */
let demoServer;
let stopping = false;

/** Runs a child with no stdin (so nothing can wait for a prompt) and our stdout/stderr. */
function start(args) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function step(title, args) {
  console.log(`\n› ${title}`);
  const child = start(args);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`${title} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function assertPortFree(portNumber, variable) {
  return new Promise((done, fail) => {
    const probe = createTcpServer();
    probe.once('error', () => fail(new Error(`${HOST}:${portNumber} is already in use; stop what runs there or set ${variable}.`)));
    probe.listen(portNumber, HOST, () => probe.close(() => done()));
  });
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Maps a URL path to a file inside web/demo, or null when it would leave the folder. */
function demoFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = resolve(DEMO_DIR, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return file === DEMO_DIR || file.startsWith(DEMO_DIR + sep) ? file : null;
}

/** Serves web/demo; index.html gets the API origin and the demo publishable key filled in. */
function serveDemo(publishableKey) {
  return async (request, response) => {
    const send = (status, type, body) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    let file = demoFile(new URL(request.url ?? '/', demoOrigin).pathname);
    if (file && (await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const content = file ? await readFile(file).catch(() => null) : null;
    if (!file || !content) return send(404, 'text/plain; charset=utf-8', 'Not found\n');
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (file.endsWith(`${sep}index.html`)) {
      const html = content
        .toString('utf8')
        .replaceAll('{{RAPPORT_ORIGIN}}', apiOrigin)
        .replaceAll('{{RAPPORT_PUBLISHABLE_KEY}}', publishableKey);
      return send(200, type, html);
    }
    return send(200, type, content);
  };
}

function listen(server, portNumber) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(portNumber, HOST, () => done(server));
  });
}

async function waitForHealth(wrangler) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (wrangler.exitCode !== null || wrangler.signalCode !== null) throw new Error('wrangler dev exited before it was ready');
    try {
      const response = await fetch(`${apiOrigin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 500));
  }
  throw new Error(`${apiOrigin}/healthz did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

function printReady(credentials) {
  const ready = {
    apiOrigin,
    dashboardUrl: `${apiOrigin}/`,
    docsUrl: `${apiOrigin}/docs`,
    demoShopUrl: `${demoOrigin}/`,
    email: credentials.email,
    password: credentials.password,
    secretKey: credentials.secretKey,
    publishableKey: credentials.publishableKey,
    credentialsFile,
  };
  console.log(
    [
      '',
      'Rapport is running (local data only):',
      `  Dashboard        ${ready.dashboardUrl}`,
      `  API reference    ${ready.docsUrl}`,
      `  Demo shop page   ${ready.demoShopUrl}`,
      `  Login            ${ready.email}  /  ${ready.password}`,
      `  Secret key       ${ready.secretKey}`,
      `  Publishable key  ${ready.publishableKey}`,
      `  Saved in         ${credentialsFile}`,
      `  Try it           export RAPPORT_KEY=$(node -p "require('${credentialsFile}').secretKey")`,
      `                   curl -H "Authorization: Bearer $RAPPORT_KEY" ${apiOrigin}/v1/surveys`,
      'Press Ctrl-C to stop.',
      `RAPPORT_READY ${JSON.stringify(ready)}`,
      '',
    ].join('\n'),
  );
}

function stopChildren(signal) {
  for (const child of children) child.kill(signal);
  if (children.size === 0) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => {
      for (const child of children) child.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    const check = setInterval(() => {
      if (children.size > 0) return;
      clearTimeout(force);
      clearInterval(check);
      done();
    }, 100);
  });
}

async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  demoServer?.closeAllConnections();
  demoServer?.close();
  await stopChildren('SIGTERM');
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** Gives the local Worker a DATA_ENCRYPTION_KEY (it seals webhook and email-link secrets) in the gitignored .dev.vars. */
function ensureDevVars() {
  const file = join(ROOT, '.dev.vars');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (/^DATA_ENCRYPTION_KEY=/m.test(current)) return;
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  appendFileSync(file, `${separator}DATA_ENCRYPTION_KEY=${randomBytes(32).toString('base64')}\n`);
  console.log('\n› Wrote a local DATA_ENCRYPTION_KEY to .dev.vars');
}

async function main() {
  await assertPortFree(port, 'RAPPORT_PORT');
  await assertPortFree(demoPort, 'RAPPORT_DEMO_PORT');
  ensureDevVars();
  await step('Building web/dist', [join(ROOT, 'scripts', 'build.mjs')]);
  await step('Applying local D1 migrations', [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', ...persistArgs]);
  await step('Seeding the demo tenant', SEED_DEMO_ARGS);
  if (!existsSync(credentialsFile)) throw new Error(`the seed wrote no ${credentialsFile}`);
  const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8'));

  demoServer = await listen(createServer(serveDemo(credentials.publishableKey)), demoPort);
  console.log(`\n› Starting wrangler dev on ${apiOrigin}`);
  const wrangler = start([
    WRANGLER,
    'dev',
    '--ip',
    HOST,
    '--port',
    String(port),
    '--local-protocol',
    'http',
    '--show-interactive-dev-session=false',
    ...persistArgs,
  ]);
  wrangler.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`wrangler dev stopped (${signal ?? `exit code ${code}`})`);
    void shutdown(code || 1);
  });
  await waitForHealth(wrangler);
  console.log('\n› Computing the demo metrics');
  await computeDemoMetrics(apiOrigin, credentials.secretKey);
  printReady(credentials);
}

main().catch((error) => {
  if (stopping) return;
  console.error(`\nnpm run dev: ${error instanceof Error ? error.message : error}`);
  void shutdown(1);
});
