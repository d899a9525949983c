// The single source of truth for D1: drizzle-kit reads this file; each domain keeps its tables in its own module.
export * from './core';
export * from './widget';
