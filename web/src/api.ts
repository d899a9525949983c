/** Calls the dashboard API with the session cookie, echoing the CSRF token on writes. */
let csrfToken = '';
let onSessionExpired: () => void = () => {};

export interface Problem {
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Called when a call that needs a session answers 401, so the app can show the login page. */
export function whenSessionExpires(handler: () => void): void {
  onSessionExpired = handler;
}

/** For calls made without `api` (uploads with progress): the CSRF token and the 401 handler. */
export const currentCsrfToken = () => csrfToken;
export const sessionExpired = () => onSessionExpired();

export type Query = Record<string, string | number | boolean | undefined | null>;

/** `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const OFFLINE: Problem = { title: 'offline', status: 0 };

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(OFFLINE);
  }
  if (!response.ok) {
    const problem = ((await response.json().catch(() => null)) as Problem | null) ?? {
      title: response.statusText,
      status: response.status,
    };
    if (response.status === 401 && !path.startsWith('/api/auth/')) onSessionExpired();
    throw new ApiError({ ...problem, status: response.status });
  }
  const result = response.status === 204 ? undefined : await response.json();
  const token = (result as { csrfToken?: string } | undefined)?.csrfToken;
  if (token) csrfToken = token;
  return result as T;
}
