import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { takePendingFocus } from '../lib/router';

/** The page's one h1 (focused after navigation so screen readers announce the new page) and its actions. */
export function PageHeader({ title, lead, children }: { title: string; lead?: string; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
    if (takePendingFocus()) heading.current?.focus();
  }, [title]);
  return (
    <header class="page-header">
      <div>
        <h1 ref={heading} tabIndex={-1} class="page-title">
          {title}
        </h1>
        {lead && <p class="page-lead">{lead}</p>}
      </div>
      {children && <div class="page-actions">{children}</div>}
    </header>
  );
}
