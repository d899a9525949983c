// One stylesheet inside the shadow root. `:host { all: initial !important }` wins over any host-page rule that
// matches the host element (important declarations of the inner context beat the outer ones); nothing else
// from the page can reach inside. Themable through --rapport-brand, --rapport-bg, --rapport-fg,
// --rapport-radius and --rapport-font set on `rapport-widget` by the host page.
export const styles = (brand: string): string =>
  `:host{all:initial!important}` +
  `.p{--b:var(--rapport-brand,${brand});--g:var(--rapport-bg,#fff);--f:var(--rapport-fg,#1f2937);--m:#6b7280;--n:#d1d5db;` +
  `position:fixed;z-index:2147483647;bottom:16px;right:16px;box-sizing:border-box;width:min(520px,calc(100vw - 32px));` +
  `max-height:calc(100vh - 32px);overflow:auto;padding:20px 16px 16px;background:var(--g);color:var(--f);` +
  `border-radius:var(--rapport-radius,12px);box-shadow:0 8px 32px #0004;font:16px/1.4 var(--rapport-font,system-ui,sans-serif);animation:a .2s}` +
  `.p:focus{outline:0}` +
  `.l{right:auto;left:16px}` +
  `.c{right:auto;bottom:auto;left:50%;top:50%;transform:translate(-50%,-50%)}` +
  `.k{position:fixed;inset:0;z-index:2147483646;background:#0006}` +
  `.t{display:block;margin:0 36px 12px 0;font-weight:600}` +
  `.s{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;gap:4px}` +
  `button{all:unset;box-sizing:border-box;cursor:pointer;text-align:center;border-radius:8px}` +
  `.s button{min-height:44px;border:1px solid var(--n)}` +
  `.s button:hover,.s [aria-checked=true]{background:var(--b);color:#fff;border-color:var(--b)}` +
  `.e{display:flex;justify-content:space-between;gap:8px;margin-top:6px;font-size:13px;color:var(--m)}` +
  `.x{position:absolute;top:6px;right:6px;width:40px;height:40px;font-size:24px;line-height:40px;color:var(--m)}` +
  `textarea{box-sizing:border-box;display:block;width:100%;min-height:80px;padding:8px;font:inherit;color:inherit;` +
  `background:none;border:1px solid var(--n);border-radius:8px}` +
  `.b{margin-top:8px;padding:10px 20px;min-height:44px;background:var(--b);color:#fff;font-weight:600}` +
  `:focus-visible{outline:3px solid var(--b);outline-offset:2px}` +
  `.h{position:absolute;left:-9999px}` +
  `@media(max-width:540px){.p{left:0;right:0;bottom:0;top:auto;width:100%;transform:none;border-radius:16px 16px 0 0}` +
  `.n{grid-auto-flow:row;grid-template-columns:repeat(6,1fr)}}` +
  `@media(prefers-color-scheme:dark){.p{--g:var(--rapport-bg,#1f2937);--f:var(--rapport-fg,#f9fafb);--m:#9ca3af;--n:#4b5563}}` +
  `@media(prefers-reduced-motion:reduce){.p{animation:none}}` +
  `@keyframes a{from{opacity:0}}`;
