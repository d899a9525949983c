// One autocannon run against the local Worker, reduced to the figures the bench table needs.
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
