import { app } from './app';
import type { Bindings } from './env';
import { runScheduledJobs } from './scheduled';

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    await runScheduledJobs(env, controller.scheduledTime);
  },
} satisfies ExportedHandler<Bindings>;
