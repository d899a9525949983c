// The snippet's target: tiny and short-cached. It keeps the command queue, remembers where it was
// loaded from and which key it carries, and pulls in the content-hashed widget body.
import type { RapportGlobal } from './global';

declare const WIDGET_PATH: string;

const script = (document.currentScript ?? document.querySelector('script[data-key]')) as HTMLScriptElement | null;
const page = window as { rapport?: RapportGlobal };
const stub: RapportGlobal =
  page.rapport ??
  function (...args: unknown[]) {
    (stub.q = stub.q ?? []).push(args);
  };
page.rapport = stub;

if (script && !stub.b) {
  stub.k = script.dataset.key;
  stub.l = script.dataset.locale;
  stub.b = new URL(script.src).origin;
  const body = document.createElement('script');
  body.src = stub.b + WIDGET_PATH;
  body.async = true;
  document.head.append(body);
}
