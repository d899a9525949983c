import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, whenSessionExpires } from './api';
import { Loading } from './components/states';
import { pickLanguage, setLanguage, type UiLanguage } from './i18n';
import { lazy } from './lib/lazy';
import { matchPath, navigate, useLocation } from './lib/router';
import { type Me, type Session, SessionContext } from './lib/session';
import { Shell } from './shell';

const Login = lazy(() => import('./pages/login'));
const Signup = lazy(() => import('./pages/signup'));
const Overview = lazy(() => import('./pages/overview'));
const Responses = lazy(() => import('./pages/responses'));
const ResponsePage = lazy(() => import('./pages/response'));
const Segments = lazy(() => import('./pages/segments'));
const Surveys = lazy(() => import('./pages/surveys'));
const SurveyEditor = lazy(() => import('./pages/survey-editor'));
const Settings = lazy(() => import('./pages/settings'));
const Goals = lazy(() => import('./pages/goals'));
const Retention = lazy(() => import('./pages/retention'));
const Customers = lazy(() => import('./pages/customers'));
const Customer = lazy(() => import('./pages/customer'));
const Loyalty = lazy(() => import('./pages/loyalty'));
const Campaigns = lazy(() => import('./pages/campaigns'));
const CampaignNew = lazy(() => import('./pages/campaign-new'));
const Campaign = lazy(() => import('./pages/campaign'));
const NotFound = lazy(() => import('./pages/not-found'));

/** What a route passes its page: the `:name` parts of its pattern. */
type Params = { id?: string; section?: string };
const ROUTES: ReadonlyArray<[pattern: string, page: ComponentType<Params>]> = [
  ['/', Overview],
  ['/responses', Responses],
  ['/responses/:id', ResponsePage],
  ['/segments', Segments],
  ['/goals', Goals],
  ['/retention', Retention],
  ['/customers', Customers],
  ['/customers/:id', Customer],
  ['/loyalty', Loyalty],
  ['/loyalty/:section', Loyalty],
  ['/loyalty/members/:id', Loyalty],
  ['/surveys', Surveys],
  ['/surveys/new', SurveyEditor],
  ['/surveys/:id', SurveyEditor],
  ['/campaigns', Campaigns],
  ['/campaigns/new', CampaignNew],
  ['/campaigns/:id', Campaign],
  ['/settings', Settings],
  ['/settings/:section', Settings],
];

const PUBLIC_PATHS = new Set(['/login', '/signup']);

export type AuthNotice = 'expired' | 'loggedOut' | null;

function route(path: string) {
  for (const [pattern, Page] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <Page key={pattern} {...params} />;
  }
  return <NotFound />;
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [notice, setNotice] = useState<AuthNotice>(null);
  const [, setUiLanguage] = useState<UiLanguage>(() => {
    const initial = pickLanguage();
    setLanguage(initial);
    return initial;
  });
  const { path } = useLocation();

  const changeLanguage = (next: UiLanguage, remember: boolean) => {
    setLanguage(next, remember);
    setUiLanguage(next);
  };

  const loggedIn = (next: Me) => {
    setMe(next);
    setNotice(null);
    changeLanguage(pickLanguage(next.tenant.defaultLocale), false);
    if (PUBLIC_PATHS.has(location.pathname)) navigate('/', { replace: true });
  };

  useEffect(() => {
    whenSessionExpires(() => {
      setMe(null);
      setNotice('expired');
    });
    api<Me>('/api/auth/me').then(loggedIn, () => setMe(null));
  }, []);

  const session = useMemo<Session | null>(
    () => (me ? { me, canEdit: me.user.role !== 'viewer', setTenant: (tenant) => setMe({ ...me, tenant }) } : null),
    [me],
  );

  if (me === undefined) return <Loading />;
  if (!session) {
    const onLanguage = (next: UiLanguage) => changeLanguage(next, true);
    return path === '/signup' ? (
      <Signup onLoggedIn={loggedIn} onLanguage={onLanguage} />
    ) : (
      <Login onLoggedIn={loggedIn} onLanguage={onLanguage} notice={notice} />
    );
  }

  const logout = async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setMe(null);
    setNotice('loggedOut');
    navigate('/login');
  };

  return (
    <SessionContext.Provider value={session}>
      <Shell onLanguage={(next) => changeLanguage(next, true)} onLogout={logout}>
        {PUBLIC_PATHS.has(path) ? <Loading /> : route(path)}
      </Shell>
    </SessionContext.Provider>
  );
}
