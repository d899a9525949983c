import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { app, OPENAPI_CONFIG } from '../worker/app';

const document = app.getOpenAPI31Document(OPENAPI_CONFIG);

/** Hono paths use `:id`; OpenAPI uses `{id}`. */
const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    // Validate the JSON clients receive, not the in-memory object.
    const served: Record<string, unknown> = JSON.parse(JSON.stringify(document));
    const result = await new Validator().validate(served);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('lists every /v1, /api and /w/v1 route the app serves', () => {
    const served = app.routes
      .filter((route) => /^\/(v1|api|w\/v1)\//.test(route.path) && !route.path.endsWith('*'))
      .filter((route) => route.method !== 'ALL' && route.method !== 'OPTIONS')
      .filter((route) => route.path !== '/v1/openapi.json')
      .map((route) => `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`);
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      ['get', 'post', 'put', 'patch', 'delete'].filter((m) => m in item).map((m) => `${m} ${path}`),
    );
    expect(served.length).toBeGreaterThan(15);
    expect(new Set(documented)).toEqual(new Set(served));
  });
});
