import { randomBase62 } from './crypto';

export type IdPrefix =
  'ten' | 'usr' | 'key' | 'srv' | 'cus' | 'rsp' | 'rul' | 'tir' | 'rwd' | 'rdm' | 'ent' | 'lot' | 'adj' | 'wev' | 'cmp' | 'rcp' | 'hit' | 'gol' | 'whe' | 'msg' | 'era';

/**
 * `prefix_` + 9 base36 characters of milliseconds + 14 random base62 characters.
 * Ids sort by creation time, which keeps inserts append-only in the primary-key b-tree.
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  return `${prefix}_${now.toString(36).padStart(9, '0')}${randomBase62(14)}`;
}
