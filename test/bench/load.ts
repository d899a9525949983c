// Load against the local Worker: one autocannon run reduced to the figures the bench table needs, and the small
// helpers the bench and the load-without-loss test (test/reliability/load.node.test.ts) share.
import autocannon from 'autocannon';

export const CONNECTIONS = 16;
export const DURATION_SECONDS = 10;

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers outside 2xx (429s included): a run with any is not measuring the path it names. */
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export interface RequestShape {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** Called once per request with a running number, so every request can carry its own ids. */
  build?: (n: number) => { body?: string; headers?: Record<string, string>; path?: string };
}

export async function measure(baseUrl: string, shape: RequestShape, durationSeconds = DURATION_SECONDS): Promise<LoadFigures> {
  let counter = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: durationSeconds,
    requests: [
      {
        method: shape.method,
        path: shape.path,
        headers: shape.headers ?? {},
        setupRequest: (request) => {
          const extra = shape.build?.(counter++) ?? {};
          return {
            ...request,
            ...(extra.path ? { path: extra.path } : {}),
            ...(extra.body === undefined ? {} : { body: extra.body }),
            headers: { ...request.headers, ...extra.headers },
          };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
  );
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
  };
}

/**
 * A distinct client address per request number, sent as CF-Connecting-IP, so the per-address ingest limit
 * (INGEST_LIMITER, 120/min) does not answer instead of the path under load.
 */
export const ipOf = (n: number): string => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Runs `tasks` with at most `limit` in flight, in order; resolves with every result in order. */
export async function pooled<T>(tasks: Array<() => Promise<T>>, limit: number, progress?: (done: number) => void): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
      progress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
