// Seeds the demo tenant into the local D1 database, idempotently (see scripts/seed/demo-tenant.ts).
//   npx tsx scripts/seed.ts     env: RAPPORT_STATE_DIR (wrangler --persist-to), RAPPORT_DEMO_PORT (default 8788)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { credentialsPath, DEFAULT_STATE_DIR, newSecrets, readCredentials, writeCredentials, type NewSecrets } from './seed/credentials';
import { createDemoTenantSql, DEMO_EMAIL, demoOrigins, findDemoTenantSql, missingOriginsSql, parseDemoTenant, rotateSecretsSql } from './seed/demo-tenant';
import { LocalD1, PROJECT_ROOT } from './seed/local-d1';

const stateDir = process.env.RAPPORT_STATE_DIR ? resolve(process.env.RAPPORT_STATE_DIR) : undefined;
const credentialsFile = credentialsPath(stateDir ?? resolve(PROJECT_ROOT, DEFAULT_STATE_DIR));
const origins = demoOrigins(Number(process.env.RAPPORT_DEMO_PORT || 8788));
const d1 = new LocalD1(stateDir);

function executeSql(sql: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-seed-'));
  try {
    const file = join(dir, 'seed.sql');
    writeFileSync(file, sql);
    d1.executeFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const secretsToFile = (tenantId: string, secrets: NewSecrets) => ({
  tenantId,
  email: DEMO_EMAIL,
  password: secrets.password,
  secretKey: secrets.secretKey.key,
  publishableKey: secrets.publishableKey.key,
});

const existing = parseDemoTenant(d1.query<Record<string, unknown>>(findDemoTenantSql()));
const saved = readCredentials(credentialsFile);

if (!existing) {
  const secrets = await newSecrets();
  const { sql, tenantId } = createDemoTenantSql(secrets, origins, Date.now());
  executeSql(sql);
  writeCredentials(credentialsFile, secretsToFile(tenantId, secrets));
  console.log(`seed: created the demo tenant; credentials in ${credentialsFile}`);
} else if (saved?.tenantId !== existing.tenantId) {
  // The secrets exist only as hashes in the database, so a lost file can only be replaced.
  const secrets = await newSecrets();
  executeSql(rotateSecretsSql(existing, secrets, Date.now()));
  writeCredentials(credentialsFile, secretsToFile(existing.tenantId, secrets));
  console.log(`seed: demo tenant exists; new password and keys in ${credentialsFile} (old keys revoked)`);
} else {
  console.log(`seed: demo tenant already seeded; credentials in ${credentialsFile}`);
}

const originsSql = existing ? missingOriginsSql(existing, origins) : null;
if (originsSql) {
  executeSql(originsSql);
  console.log(`seed: allowed the demo page origins ${origins.join(', ')}`);
}
