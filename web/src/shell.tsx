import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { language, type MessageKey, t, UI_LANGUAGES, type UiLanguage } from './i18n';
import { Link, useLocation } from './lib/router';
import { useSession } from './lib/session';

const NAV: ReadonlyArray<{ href: string; label: MessageKey; icon: string }> = [
  { href: '/', label: 'nav.overview', icon: 'M4 13h4v7H4zM10 4h4v16h-4zM16 9h4v11h-4z' },
  { href: '/responses', label: 'nav.responses', icon: 'M4 5h16v11H8l-4 4z' },
  { href: '/segments', label: 'nav.segments', icon: 'M4 6h10M4 12h16M4 18h7' },
  { href: '/goals', label: 'nav.goals', icon: 'M12 3a9 9 0 1 0 9 9M12 7a5 5 0 1 0 5 5M12 11a1 1 0 1 0 1 1M13 11l7-7' },
  { href: '/retention', label: 'nav.retention', icon: 'M4 12a8 8 0 1 0 3-6.2M4 4v4h4' },
  {
    href: '/customers',
    label: 'nav.customers',
    icon: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M17 4l1.2 2.4 2.8.4-2 1.9.5 2.7-2.5-1.3',
  },
  { href: '/loyalty', label: 'nav.loyalty', icon: 'M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z' },
  { href: '/surveys', label: 'nav.surveys', icon: 'M6 4h12v16H6zM9 9h6M9 13h6M9 17h3' },
  { href: '/campaigns', label: 'nav.campaigns', icon: 'M3 6h18v12H3zM3 7l9 6 9-6' },
  {
    href: '/settings',
    label: 'nav.settings',
    icon: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1',
  },
];

const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ru: 'Русский' };

const isCurrent = (href: string, path: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));

export function LanguageSwitcher({ onChange }: { onChange: (language: UiLanguage) => void }) {
  return (
    <label class="language">
      <span class="visually-hidden">{t('app.language')}</span>
      <select
        class="input input-compact"
        value={language()}
        onChange={(event) => onChange(event.currentTarget.value as UiLanguage)}
      >
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Brand() {
  return (
    <span class="brand">
      <svg viewBox="0 0 24 24" class="brand-mark" aria-hidden="true">
        <rect width="24" height="24" rx="6" fill="currentColor" />
        <path
          d="M7 16V8h5a3 3 0 0 1 0 6H9m3 0 3 2"
          fill="none"
          stroke="var(--brand-ink)"
          stroke-width="2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      {t('app.name')}
    </span>
  );
}

interface ShellProps {
  onLanguage: (language: UiLanguage) => void;
  onLogout: () => void;
  children: ComponentChildren;
}

export function Shell({ onLanguage, onLogout, children }: ShellProps) {
  const { me, canEdit } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  return (
    <div class="layout">
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="topbar">
        <Link href="/" class="topbar-brand">
          <Brand />
        </Link>
        <span class="topbar-tenant">{me.tenant.name}</span>
        <button
          type="button"
          class="button button-ghost menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('app.menu')}
        </button>
        <div class="topbar-tools">
          <LanguageSwitcher onChange={onLanguage} />
          <span class="user" title={t('app.signedInAs', { email: me.user.email })}>
            <span class="user-email">{me.user.email}</span>
            <span class="badge">{t(`app.role.${me.user.role}`)}</span>
          </span>
          <button type="button" class="button button-ghost" onClick={onLogout}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <nav id="main-nav" class={`sidebar${menuOpen ? ' sidebar-open' : ''}`} aria-label={t('nav.main')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} class="nav-link" aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
                <svg viewBox="0 0 24 24" aria-hidden="true" class="nav-icon">
                  <path
                    d={item.icon}
                    fill="none"
                    stroke="currentColor"
                    stroke-width="1.6"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                  />
                </svg>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" class="content" tabIndex={-1}>
        {!canEdit && (
          <p class="banner" role="note">
            {t('app.readOnly')}
          </p>
        )}
        {children}
      </main>
    </div>
  );
}
