import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { UiLanguage } from '../i18n';
import { t } from '../i18n';
import { Brand, LanguageSwitcher } from '../shell';

/** The centred card around the login and sign-up forms. */
export function AuthLayout({
  title,
  lead,
  onLanguage,
  children,
}: {
  title: string;
  lead?: string;
  onLanguage: (language: UiLanguage) => void;
  children: ComponentChildren;
}) {
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
  return (
    <div class="auth">
      <header class="auth-top">
        <Brand />
        <LanguageSwitcher onChange={onLanguage} />
      </header>
      <main id="main" class="auth-main">
        <div class="card auth-card">
          <h1 class="auth-title">{title}</h1>
          {lead && <p class="page-lead">{lead}</p>}
          {children}
        </div>
      </main>
    </div>
  );
}
