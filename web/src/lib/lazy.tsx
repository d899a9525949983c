import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorState, Loading } from '../components/states';

/**
 * A page loaded on first use (its own chunk). If the chunk cannot be fetched, e.g. after a deploy
 * replaced it, retrying reloads the app.
 */
export function lazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Page) return;
      load().then(
        (module) => {
          loaded = module.default;
          setPage(() => module.default);
        },
        () => setFailed(true),
      );
    }, []);
    if (failed) return <ErrorState onRetry={() => location.reload()} />;
    return Page ? <Page {...props} /> : <Loading />;
  };
}
