import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

const create = (d1: D1Database) => drizzle(d1, { schema });
export type Database = ReturnType<typeof create>;

// Building the relational config walks the whole schema; once per binding, not once per request.
const databases = new WeakMap<D1Database, Database>();

export function database(d1: D1Database): Database {
  let db = databases.get(d1);
  if (!db) databases.set(d1, (db = create(d1)));
  return db;
}
