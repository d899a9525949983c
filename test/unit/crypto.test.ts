import { describe, expect, it } from 'vitest';
import { apiKeyKindOf, generateApiKey, hashApiKey } from '../../worker/tenants/api-keys';
import { hashPassword, verifyPassword } from '../../worker/tenants/password';
import { decodeCursor, encodeCursor } from '../../worker/shared/cursor';
import { newId } from '../../worker/shared/ids';

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('hunter2 hunter2');
    const b = await hashPassword('hunter2 hunter2');
    expect(a).not.toBe(b);
    expect(await verifyPassword('hunter2 hunter2', a)).toBe(true);
    expect(await verifyPassword('hunter3 hunter3', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('API keys', () => {
  it('carries ≥ 128 random bits and is stored by SHA-256', async () => {
    const { key, hash, prefix } = await generateApiKey('secret');
    expect(key).toMatch(/^rk_sk_[0-9A-Za-z]{32}$/); // 32 × log2(62) ≈ 190 bits
    expect(hash).toBe(await hashApiKey(key));
    expect(key.startsWith(prefix)).toBe(true);
    expect(apiKeyKindOf(key)).toBe('secret');
    expect(apiKeyKindOf((await generateApiKey('publishable')).key)).toBe('publishable');
    expect(apiKeyKindOf('sk_live_x')).toBeNull();
  });
});

describe('ids and cursors', () => {
  it('makes ids that sort by creation time', () => {
    const earlier = newId('rsp', 1_700_000_000_000);
    const later = newId('rsp', 1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(earlier).toMatch(/^rsp_[0-9a-z]{9}[0-9A-Za-z]{14}$/);
  });
  it('round-trips a cursor and rejects garbage with a 400 problem', () => {
    expect(decodeCursor(encodeCursor({ createdAt: 5, id: 'x' }))).toEqual({ createdAt: 5, id: 'x' });
    expect(() => decodeCursor('%%%')).toThrow(/Invalid cursor/);
  });
});
