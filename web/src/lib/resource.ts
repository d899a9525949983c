import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';

export type Resource<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'error'; error: ApiError; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void; replace: (data: T) => void };

/** Loads `load()` whenever `deps` change; a slower earlier call never overwrites a later one. */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const [result, setResult] = useState<{ state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T }>({
    state: 'loading',
  });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setResult({ state: 'loading' });
    load().then(
      (data) => mine === generation.current && setResult({ state: 'ready', data }),
      (error: unknown) =>
        mine === generation.current &&
        setResult({
          state: 'error',
          error: error instanceof ApiError ? error : new ApiError({ title: String(error), status: 0 }),
        }),
    );
  }, deps);
  useEffect(run, [run]);
  const replace = useCallback((data: T) => setResult({ state: 'ready', data }), []);
  if (result.state === 'ready') return { ...result, reload: run, replace };
  return { ...result, reload: run };
}
