// Builds everything the Worker serves as static assets into web/dist.
import { build } from 'vite';

await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
await (await import('./build-widget.mjs')).buildWidget({ log: true });
(await import('../web/size-report.mjs')).reportDashboardSizes();
console.log('built web/dist');
