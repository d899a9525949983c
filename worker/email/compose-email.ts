import { html } from 'hono/html';
import { SCALES } from '../responses/scoring';
import type { RecipientLinks } from './links';
import type { RecipientContext } from './recipient-context';
import { emailStrings } from './ui-strings';

/** A rendered email, ready for any transport. */
export interface OutgoingEmail {
  from: { email: string; name: string };
  to: string;
  replyTo?: string | undefined;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';

export function scaleOf(context: RecipientContext): { scores: number[]; low: string; high: string } {
  const { min, max } = SCALES[context.survey.kind];
  const [low, high] = emailStrings(context.locale).ends[context.survey.kind];
  return {
    scores: Array.from({ length: max - min + 1 }, (_, i) => min + i),
    low: context.texts.lowLabel ?? low,
    high: context.texts.highLabel ?? high,
  };
}

/**
 * Table layout and inline styles (what Outlook and Gmail honour), no images, and colours set as
 * pairs (background with its own text colour) so clients that invert for dark mode stay legible.
 * The honeypot link has no text and is hidden every way clients allow: people never see or reach it.
 */
async function emailHtml(context: RecipientContext, links: RecipientLinks): Promise<string> {
  const strings = emailStrings(context.locale);
  const scale = scaleOf(context);
  const brand = context.survey.settings.brandColor;
  const cells = scale.scores.map(
    (score) => html`<td align="center" bgcolor="${brand}" style="background:${brand};border-radius:4px;">
<a href="${links.score(score)}" style="display:block;padding:10px 0;${FONT}font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;">${score}</a></td>`,
  );
  const document = html`<!doctype html>
<html lang="${context.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
<title>${context.campaignTexts.subject}</title>
<style>@media (prefers-color-scheme: dark){.card{background:#18181b !important;color:#f4f4f5 !important}.muted{color:#a1a1aa !important}}</style>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 8px;">
<table role="presentation" class="card" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;color:#18181b;border-radius:8px;">
<tr><td style="padding:24px 16px;${FONT}font-size:16px;line-height:24px;">
${context.campaignTexts.intro ? html`<p style="margin:0 0 16px;">${context.campaignTexts.intro}</p>` : ''}
<p style="margin:0 0 16px;font-size:18px;font-weight:bold;">${context.texts.question}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="3" border="0" style="table-layout:fixed;"><tr>${cells}</tr></table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
<td class="muted" style="padding-top:6px;${FONT}font-size:12px;color:#52525b;">${scale.scores[0]} = ${scale.low}</td>
<td class="muted" align="right" style="padding-top:6px;${FONT}font-size:12px;color:#52525b;">${scale.scores.at(-1)} = ${scale.high}</td>
</tr></table>
</td></tr>
<tr><td class="muted" style="padding:0 16px 20px;${FONT}font-size:12px;line-height:18px;color:#52525b;">
${strings.sentBy(context.campaign.fromName)} <a href="${links.unsubscribe}" style="color:#52525b;text-decoration:underline;">${strings.unsubscribe}</a>
</td></tr>
</table>
</td></tr></table>
<a href="${links.honeypot}" aria-hidden="true" tabindex="-1" style="display:none;mso-hide:all;font-size:0;line-height:0;max-height:0;overflow:hidden;color:transparent;"></a>
</body></html>`;
  return String(await document);
}

function emailText(context: RecipientContext, links: RecipientLinks): string {
  const strings = emailStrings(context.locale);
  const scale = scaleOf(context);
  return [
    ...(context.campaignTexts.intro ? [context.campaignTexts.intro, ''] : []),
    context.texts.question,
    `(${scale.scores[0]} = ${scale.low}, ${scale.scores.at(-1)} = ${scale.high})`,
    '',
    ...scale.scores.map((score) => `${score}: ${links.score(score)}`),
    '',
    strings.sentBy(context.campaign.fromName),
    `${strings.unsubscribe}: ${links.unsubscribe}`,
    '',
  ].join('\n');
}

export async function composeEmail(context: RecipientContext, links: RecipientLinks): Promise<OutgoingEmail> {
  const campaign = context.campaign;
  return {
    from: { email: campaign.fromEmail, name: campaign.fromName },
    to: context.customer.email ?? '',
    replyTo: campaign.replyTo ?? undefined,
    subject: context.campaignTexts.subject,
    html: await emailHtml(context, links),
    text: emailText(context, links),
    // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to this URL.
    headers: { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
