import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { categorize } from '../responses/scoring';
import { followUpPrompt } from '../surveys/texts';
import { CATEGORIES } from '../responses/schemas';
import { scaleOf } from './compose-email';
import type { RecipientContext } from './recipient-context';
import { emailStrings } from './ui-strings';

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Mobile-first and self-contained: one inline stylesheet, no images, no bundle. */
const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;background:#f4f4f5;color:#18181b}
main{max-width:560px;margin:0 auto;padding:24px 16px}h1{font-size:20px;line-height:1.3;margin:0 0 16px}
fieldset{border:0;padding:0;margin:0 0 8px;display:grid;grid-template-columns:repeat(6,1fr);gap:6px}
@media(min-width:480px){fieldset{grid-template-columns:repeat(11,1fr)}}
.s input{position:absolute;opacity:0}.s span{display:block;text-align:center;padding:10px 0;border:2px solid var(--b);border-radius:6px;font-weight:600;cursor:pointer}
.s input:checked+span{background:var(--b);color:#fff}.s input:focus-visible+span{outline:3px solid #18181b;outline-offset:2px}
.ends{display:flex;justify-content:space-between;font-size:13px;color:#52525b;margin-bottom:16px}
label.c{display:block;font-weight:600;margin-bottom:6px}textarea{width:100%;min-height:110px;font:inherit;padding:8px;border:1px solid #a1a1aa;border-radius:6px}
button{margin-top:12px;width:100%;padding:12px;font:inherit;font-weight:600;border:0;border-radius:6px;background:var(--b);color:#fff;cursor:pointer}
.note{font-size:14px;color:#52525b}
@media(prefers-color-scheme:dark){body{background:#18181b;color:#f4f4f5}.ends,.note{color:#a1a1aa}textarea{background:#27272a;color:#f4f4f5}}`;

export function pageShell(locale: string, title: string, nonce: string, content: Markup, brand = '#4f46e5'): Markup {
  return html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title><style nonce="${nonce}">${raw(STYLE)}:root{--b:${brand}}</style></head>
<body><main>${content}</main></body></html>`;
}

/**
 * The script confirms a human: it reports the score shortly after render (scanners that run
 * scripts usually close the page sooner, and their burst of link hits is visible by then) or at
 * the first interaction, and reports every score change. Without it the form post confirms.
 */
const SCRIPT = `(function(){var f=document.getElementById('f'),sent=false,p=document.getElementById('prompt'),t;
function score(){var c=f.querySelector('input[name=score]:checked');return c?c.value:null}
function report(){var s=score();if(s===null)return;sent=true;clearTimeout(t);
fetch(f.getAttribute('data-confirm'),{method:'POST',body:new URLSearchParams({score:s}),keepalive:true})}
t=setTimeout(report,2000);
['pointerdown','keydown','touchstart'].forEach(function(e){f.addEventListener(e,function(){if(!sent)report()},{once:true})});
f.addEventListener('change',function(e){if(e.target.name!=='score')return;p.textContent=f.getAttribute('data-'+e.target.getAttribute('data-cat'));report()});
})();`;

export function landingPage(context: RecipientContext, token: string, chosen: number, nonce: string): Markup {
  const strings = emailStrings(context.locale);
  const scale = scaleOf(context);
  const kind = context.survey.kind;
  const prompts = CATEGORIES.map((category) => html` data-${category}="${followUpPrompt(context.texts, category)}"`);
  const radios = scale.scores.map(
    (score) => html`<label class="s"><input type="radio" name="score" value="${score}" data-cat="${categorize(kind, score)}"${score === chosen ? raw(' checked') : ''}><span>${score}</span></label>`,
  );
  const content = html`<form id="f" method="post" action="/r/${token}" data-confirm="/r/${token}/confirm"${prompts}>
<h1>${context.texts.question}</h1>
<fieldset aria-label="${strings.yourScore}">${radios}</fieldset>
<div class="ends"><span>${scale.low}</span><span>${scale.high}</span></div>
<label class="c" for="comment" id="prompt">${followUpPrompt(context.texts, categorize(kind, chosen))}</label>
<textarea id="comment" name="comment" maxlength="5000" placeholder="${strings.commentPlaceholder}"></textarea>
<noscript><p class="note">${strings.confirmWithoutScript}</p></noscript>
<button type="submit">${strings.send}</button>
</form><script nonce="${nonce}">${raw(SCRIPT)}</script>`;
  return pageShell(context.locale, context.texts.question, nonce, content, context.survey.settings.brandColor);
}

export const messagePage = (locale: string, nonce: string, title: string, text: string): Markup =>
  pageShell(locale, title, nonce, html`<h1>${title}</h1><p>${text}</p>`);

export function unsubscribePage(locale: string, nonce: string, token: string): Markup {
  const strings = emailStrings(locale);
  return pageShell(
    locale,
    strings.unsubscribeTitle,
    nonce,
    html`<h1>${strings.unsubscribeTitle}</h1><p>${strings.unsubscribeText}</p>
<form method="post" action="/u/${token}"><button type="submit">${strings.unsubscribeButton}</button></form>`,
  );
}
