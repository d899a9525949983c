// The widget body: a classic IIFE loaded by loader.ts. Reads the queued commands, fetches the tenant's
// config, arms each survey's trigger and records displays, scores, comments and dismissals.
import { mayDisplay } from '../../worker/widget/recontact';
import type { WidgetConfig, WidgetSurvey } from '../../worker/widget/schemas';
import type { Identity, RapportGlobal } from './global';
import { openPanel } from './panel';
import { load, randomId, save } from './storage';
import { deviceType, inSample, urlMatches } from './targeting';

declare const LOYALTY_PATH: string;

type History = Record<string, { d?: number; a?: number }>;
type Outgoing = [path: 'responses' | 'events', body: object];

const page = window as { rapport?: RapportGlobal };
const stub = page.rapport!;
const key = stub.k!;
const api = `${stub.b}/w/v1/`;
const language = (value: string | undefined) => value?.slice(0, 2).toLowerCase();

let who: Identity = {};
let locale = language(stub.l ?? navigator.language);
let visitor = load<string>('v') ?? save('v', randomId());
let history = load<History>('h') ?? {};
let lastShownAt = load<number>('t');
let queue = load<Outgoing[]>('q') ?? [];
let flushing = false;
/** Doubles after each failed attempt, so a blocked endpoint (an ad blocker, say) is not hammered. */
let retryIn = 5000;
/** A survey was shown on this page (only one is, unless the site calls show). */
let shown = false;
let panelOpen = false;
let config: WidgetConfig | undefined;
const armed: WidgetSurvey[] = [];
/** show and track calls made before the config arrived; they apply once it has. */
const pending: [string, unknown][] = [];

const post = (path: string, body: object) => fetch(api + path, { method: 'POST', body: JSON.stringify(body), keepalive: true });

/** Sends queued items in order; network failures and 5xx/429 keep them in localStorage for a retry. */
async function flush(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    while (queue[0]) {
      const response = await post(...queue[0]);
      if (response.status > 499 || response.status === 429) throw response;
      // Refused for good (wrong origin, invalid data…): retrying cannot help, but the site's developer should know.
      if (!response.ok) console.warn('Rapport:', await response.text());
      queue.shift();
      save('q', queue);
    }
  } catch {
    setTimeout(flush, (retryIn *= 2) / 2);
  }
  flushing = false;
}

function send(item: Outgoing): void {
  queue.push(item);
  save('q', queue);
  void flush();
}

function remember(surveyId: string, what: 'd' | 'a'): void {
  (history[surveyId] ??= {})[what] = Date.now();
  save('h', history);
}

const customer = () =>
  who.id !== undefined || who.email
    ? { externalId: who.id === undefined ? undefined : String(who.id), email: who.email, name: who.name, locale: language(who.locale) }
    : undefined;

const about = (survey: WidgetSurvey) => ({
  key,
  surveyId: survey.id,
  visitorId: visitor,
  customer: customer(),
  locale: survey.locale,
  device: deviceType(),
});

async function show(survey: WidgetSurvey, force?: boolean): Promise<void> {
  if (panelOpen || (shown && !force)) return;
  shown = panelOpen = true;
  const display = { ...about(survey), id: randomId(), type: 'display', force };
  try {
    const response = await post('events', display);
    // The server applies the recontact rules of identified customers; it says no by not recording.
    if (!response.ok || !((await response.json()) as { recorded: boolean }).recorded) {
      panelOpen = false;
      return;
    }
  } catch {
    send(['events', display]);
  }
  remember(survey.id, 'd');
  lastShownAt = save('t', Date.now());

  const answer = { ...about(survey), id: randomId(), pageUrl: location.href.slice(0, 2000), referrer: document.referrer.slice(0, 2000) || undefined, properties: who.properties };
  let score: number | undefined;
  openPanel(survey, config!.ui[survey.locale]!, {
    score(value, honeypot) {
      score = value;
      remember(survey.id, 'a');
      send(['responses', { ...answer, score, hp: honeypot || undefined }]);
    },
    comment(text) {
      send(['responses', { ...answer, score, comment: text }]);
    },
    closed() {
      panelOpen = false;
      if (score === undefined) send(['events', { ...about(survey), id: randomId(), type: 'dismiss' }]);
    },
  });
}

const eligible = (survey: WidgetSurvey) =>
  urlMatches(location.href, survey.urlInclude, survey.urlExclude) &&
  inSample(visitor + survey.id, survey.samplingPercent) &&
  mayDisplay(survey.recontact, { lastDisplayAt: history[survey.id]?.d, answeredAt: history[survey.id]?.a, lastAnyDisplayAt: lastShownAt }, Date.now(), config!.cooldownDays);

function arm(survey: WidgetSurvey): void {
  const trigger = survey.trigger;
  const go = () => void show(survey);
  armed.push(survey);
  if (trigger.type === 'delay') setTimeout(go, trigger.seconds * 1000);
  if (trigger.type === 'exit_intent') {
    document.addEventListener('mouseout', (event) => {
      if (!event.relatedTarget && event.clientY <= 0) go();
    });
  }
  if (trigger.type === 'scroll') {
    const check = () => {
      if ((scrollY + innerHeight) * 100 >= document.documentElement.scrollHeight * trigger.percent) {
        removeEventListener('scroll', check);
        go();
      }
    };
    addEventListener('scroll', check, { passive: true });
    check();
  }
}

/** The loyalty panel is a chunk of its own (own budget), fetched the first time it is opened. */
function loyalty(): void {
  const open = () => page.rapport!.o!({ key, base: stub.b!, who, locale });
  if (page.rapport!.o) return open();
  const script = document.createElement('script');
  script.src = stub.b + LOYALTY_PATH;
  script.onload = open;
  document.head.append(script);
}

function command(name: string, argument?: unknown): void {
  if (name === 'identify') {
    who = (argument as Identity | undefined) ?? {};
    locale = language(who.locale) ?? locale;
  }
  if (name === 'reset') {
    who = {};
    visitor = save('v', randomId());
    history = save('h', {});
    lastShownAt = save('t', 0);
  }
  if (name === 'loyalty') loyalty();
  if (!config) {
    if (name === 'show' || name === 'track') pending.push([name, argument]);
    return;
  }
  if (name === 'show') {
    const survey = config.surveys.find((s) => s.id === argument);
    if (survey) void show(survey, true);
  }
  if (name === 'track') {
    for (const survey of armed) if (survey.trigger.type === 'event' && survey.trigger.name === argument) void show(survey);
  }
}

async function start(): Promise<void> {
  for (const args of stub.q ?? []) command(args[0] as string, args[1]);
  page.rapport = Object.assign((name: string, argument?: unknown) => command(name, argument), { b: stub.b });
  addEventListener('online', () => void flush());
  // Any element with data-rapport-loyalty is a launcher (works under a strict CSP, unlike an inline onclick).
  document.addEventListener('click', (event) => (event.target as Element).closest('[data-rapport-loyalty]') && loyalty());
  void flush();

  const wanted = locale && /^[a-z]{2}$/.test(locale) ? `&locale=${locale}` : '';
  const response = await fetch(`${api}config?key=${encodeURIComponent(key)}${wanted}`);
  if (!response.ok) {
    console.warn('Rapport:', ((await response.json()) as { detail?: string }).detail);
    return;
  }
  config = (await response.json()) as WidgetConfig;
  for (const survey of config.surveys) if (eligible(survey)) arm(survey);
  for (const [name, argument] of pending) command(name, argument);
}

void start();
