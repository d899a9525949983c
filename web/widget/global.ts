/** `window.rapport`: first the queueing stub (from the snippet or the loader), then the widget's command function. */
export interface RapportGlobal {
  (command: string, argument?: unknown): void;
  /** Calls made before the widget loaded, in order. */
  q?: ArrayLike<unknown>[];
  /** Publishable key, from `data-key`. */
  k?: string | undefined;
  /** Locale, from `data-locale`. */
  l?: string | undefined;
  /** Origin of the Rapport API, taken from the loader's own URL. */
  b?: string;
}

/** What `rapport('identify', …)` accepts. */
export interface Identity {
  id?: string | number;
  email?: string;
  name?: string;
  locale?: string;
  properties?: Record<string, string | number | boolean | null>;
}
