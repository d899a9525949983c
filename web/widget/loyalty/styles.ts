// The loyalty panel's stylesheet, inside its own shadow root. Same theming as the survey widget: set
// --rapport-brand, --rapport-bg, --rapport-fg, --rapport-radius and --rapport-font on `rapport-loyalty`.
// A centred modal on wide screens, a bottom sheet below 540 px.
export const styles =
  `:host{all:initial!important}` +
  `.k{position:fixed;inset:0;z-index:2147483646;background:#0006}` +
  `.p{--b:var(--rapport-brand,#4f46e5);--g:var(--rapport-bg,#fff);--f:var(--rapport-fg,#1f2937);--m:#4b5563;--n:#d1d5db;` +
  `position:fixed;z-index:2147483647;left:50%;top:50%;transform:translate(-50%,-50%);box-sizing:border-box;` +
  `width:min(440px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;padding:20px;background:var(--g);color:var(--f);` +
  `border-radius:var(--rapport-radius,12px);box-shadow:0 8px 32px #0004;font:16px/1.4 var(--rapport-font,system-ui,sans-serif);animation:a .2s}` +
  `.p:focus{outline:0}` +
  `h2{margin:0 40px 12px 0;font-size:20px}h3{margin:20px 0 8px;font-size:16px}p{margin:4px 0}` +
  `.v{font-size:32px;font-weight:700}.d{color:var(--m);font-size:14px}` +
  `.r{height:8px;margin:6px 0;border-radius:4px;background:var(--n);overflow:hidden}.r div{height:100%;background:var(--b)}` +
  `ul{list-style:none;margin:0;padding:0}li{padding:10px 0;border-top:1px solid var(--n)}` +
  `.w{display:flex;align-items:center;justify-content:space-between;gap:12px}` +
  `button{all:unset;box-sizing:border-box;cursor:pointer;text-align:center;border-radius:8px;font-weight:600}` +
  `.b{flex:none;min-height:44px;min-width:44px;padding:10px 16px;background:var(--b);color:#fff}` +
  `.b:disabled{cursor:default;background:var(--n);color:var(--f)}` +
  `.x{position:absolute;top:8px;right:8px;width:44px;height:44px;font-size:24px;line-height:44px;color:var(--m)}` +
  `.c{margin-top:8px;padding:12px;border:2px dashed var(--b);border-radius:8px}` +
  `code{display:block;margin:4px 0 8px;font:700 20px/1.3 ui-monospace,monospace;letter-spacing:1px;word-break:break-all}` +
  `:focus-visible{outline:3px solid var(--b);outline-offset:2px}` +
  `@media(max-width:540px){.p{left:0;right:0;top:auto;bottom:0;width:100%;max-height:85vh;transform:none;border-radius:16px 16px 0 0}}` +
  `@media(prefers-color-scheme:dark){.p{--g:var(--rapport-bg,#1f2937);--f:var(--rapport-fg,#f9fafb);--m:#d1d5db;--n:#4b5563}}` +
  `@media(prefers-reduced-motion:reduce){.p{animation:none}}` +
  `@keyframes a{from{opacity:0}}`;
