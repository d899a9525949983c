/** Calls the dashboard API with the session cookie, echoing the CSRF token on writes. */
let csrfToken = '';

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

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new ApiError((await response.json()) as Problem);
  const result = response.status === 204 ? undefined : await response.json();
  const token = (result as { csrfToken?: string } | undefined)?.csrfToken;
  if (token) csrfToken = token;
  return result as T;
}
