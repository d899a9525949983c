import { lt } from 'drizzle-orm';
import { app } from './app';
import { database } from './db/client';
import { sessions } from './db/schema';
import type { Bindings } from './env';

export default {
  fetch: app.fetch,
  async scheduled(_controller, env) {
    await database(env.DB).delete(sessions).where(lt(sessions.expiresAt, Date.now()));
  },
} satisfies ExportedHandler<Bindings>;
