import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { generateApiKey, type GeneratedKey } from '../../worker/tenants/api-keys';
import { hashPassword } from '../../worker/tenants/password';
import { randomBase62 } from '../../worker/shared/crypto';

/** What `npm run dev` prints so a developer can log in and call the API. Lives only on this machine. */
export const DemoCredentials = z.object({
  tenantId: z.string(),
  email: z.string(),
  password: z.string(),
  secretKey: z.string(),
  publishableKey: z.string(),
});
export type DemoCredentials = z.infer<typeof DemoCredentials>;

/** wrangler's own default, so `wrangler dev` without --persist-to sees the same database. */
export const DEFAULT_STATE_DIR = '.wrangler/state';

/** The credentials sit next to the state dir (`.wrangler/rapport-demo.json` by default), which is gitignored. */
export const credentialsPath = (stateDir: string): string => join(dirname(resolve(stateDir)), 'rapport-demo.json');

export function readCredentials(file: string): DemoCredentials | null {
  if (!existsSync(file)) return null;
  return DemoCredentials.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function writeCredentials(file: string, credentials: DemoCredentials): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

/** Fresh random secrets plus what the database stores of them (hashes only). */
export interface NewSecrets {
  password: string;
  passwordHash: string;
  secretKey: GeneratedKey;
  publishableKey: GeneratedKey;
}

export async function newSecrets(): Promise<NewSecrets> {
  const password = `demo-${randomBase62(16)}`;
  return {
    password,
    passwordHash: await hashPassword(password),
    secretKey: await generateApiKey('secret'),
    publishableKey: await generateApiKey('publishable'),
  };
}
