// The operations of the Worker's own OpenAPI document, for suites that walk every documented route.
import { body, call } from '../helpers';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  method: Method;
  path: string;
  /** The first security scheme's name (`secretKey`, `session`), or null for public routes. */
  security: string | null;
}

type PathItem = Partial<Record<Method, { security?: Array<Record<string, string[]>> }>>;

export async function documentedOperations(): Promise<Operation[]> {
  const document = await body<{ paths: Record<string, PathItem> }>(await call('/v1/openapi.json'));
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      return [{ method, path, security: op.security?.[0] ? Object.keys(op.security[0])[0]! : null }];
    }),
  );
}
