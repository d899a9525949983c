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
  /** Opens the loyalty panel; set by the lazily loaded panel chunk (web/widget/loyalty/). */
  o?: (context: LoyaltyContext) => void;
}

/** What the widget hands the loyalty panel chunk when `rapport('loyalty')` runs. */
export interface LoyaltyContext {
  key: string;
  /** Origin of the Rapport API. */
  base: string;
  who: Identity;
  locale: string | undefined;
}

/** What `rapport('identify', …)` accepts. */
export interface Identity {
  id?: string | number;
  email?: string;
  name?: string;
  locale?: string;
  properties?: Record<string, string | number | boolean | null>;
  /** Hex HMAC-SHA256 of `id` made by the site's server with the member identity secret; needed by the loyalty panel. */
  hash?: string;
}
