import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api';
import { t } from '../i18n';
import type { Resource } from '../lib/resource';

export function Loading({ label = t('state.loading') }: { label?: string }) {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error?: ApiError; onRetry?: () => void }) {
  const detail = !error || error.problem.status === 0 ? t('state.offline') : error.message;
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{t('state.error')}</p>
      <p class="state-text">{detail}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, text, children }: { title: string; text?: string; children?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <svg class="state-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path
          d="M4 13h4l2 3h4l2-3h4M5 5h14l1 8v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-5z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.5"
          stroke-linejoin="round"
        />
      </svg>
      <p class="state-title">{title}</p>
      {text && <p class="state-text">{text}</p>}
      {children}
    </div>
  );
}

/** Renders the loading and error states of `resource`, and `children(data)` once it is ready. */
export function Async<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ComponentChildren }) {
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'error') return <ErrorState error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
}
