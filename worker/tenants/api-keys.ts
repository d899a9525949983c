import { randomBase62, sha256Hex } from '../shared/crypto';
import type { ApiKeyKind } from './schemas';

const PREFIXES: Record<ApiKeyKind, string> = { secret: 'rk_sk_', publishable: 'rk_pk_' };

/** 32 base62 characters ≈ 190 random bits. */
const RANDOM_LENGTH = 32;

export interface GeneratedKey {
  key: string;
  hash: string;
  prefix: string;
}

export async function generateApiKey(kind: ApiKeyKind): Promise<GeneratedKey> {
  const key = PREFIXES[kind] + randomBase62(RANDOM_LENGTH);
  return { key, hash: await sha256Hex(key), prefix: key.slice(0, 10) };
}

export const hashApiKey = sha256Hex;

export function apiKeyKindOf(key: string): ApiKeyKind | null {
  if (key.startsWith(PREFIXES.secret)) return 'secret';
  if (key.startsWith(PREFIXES.publishable)) return 'publishable';
  return null;
}
