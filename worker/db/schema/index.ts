// The single source of truth for D1: drizzle-kit reads this file; each domain keeps its tables in its own module.
export * from './core';
export * from './loyalty';
export * from './idempotency';
export * from './widget';
export * from './email';
export * from './metrics';
export * from './webhooks';
export * from './alerts';
export * from './comments';
export * from './metric-cohorts';
export * from './metric-points';
export * from './privacy';
