import { useCallback, useRef } from 'preact/hooks';
import { api } from '../../api';

/**
 * Mutating loyalty calls need an Idempotency-Key per user action. A retry of the same submit (same
 * call and body, e.g. after a network error) reuses the key, so the server applies it at most once;
 * a changed form or the next action after a success gets a fresh key.
 */
export function useIdempotentCall() {
  const pending = useRef<{ fingerprint: string; key: string } | null>(null);
  return useCallback(async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const fingerprint = `${method} ${path}\n${JSON.stringify(body ?? null)}`;
    if (pending.current?.fingerprint !== fingerprint) pending.current = { fingerprint, key: crypto.randomUUID() };
    const result = await api<T>(path, { method, body, headers: { 'Idempotency-Key': pending.current.key } });
    pending.current = null;
    return result;
  }, []);
}
