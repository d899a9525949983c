import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { OutgoingEmail } from '../email/compose-email';
import type { PendingAlert } from './repository';
import { alertStrings, type AlertStrings } from './strings';

/** A digest lists this many answers and counts the rest. */
export const DIGEST_LIST_LIMIT = 50;
const EXCERPT_LENGTH = 300;
const FONT = 'font-family:Arial,Helvetica,sans-serif;';

export interface AlertEmailInput {
  tenantName: string;
  locale: string;
  from: { email: string; name: string };
  alerts: readonly PendingAlert[];
  /** A digest (several answers since the last email) rather than one alert sent at once. */
  digest: boolean;
}

export const responseLink = (alert: PendingAlert) => `${alert.baseUrl}/responses/${encodeURIComponent(alert.responseId)}`;
const detractorsLink = (alert: PendingAlert) => `${alert.baseUrl}/responses?category=detractor`;

const excerpt = (comment: string) => (comment.length > EXCERPT_LENGTH ? `${comment.slice(0, EXCERPT_LENGTH)}…` : comment);

function details(strings: AlertStrings, alert: PendingAlert): string[] {
  const parts = [strings.score(alert.surveyKind, alert.score), alert.surveyName];
  if (alert.sentiment) parts.push(strings.sentiment[alert.sentiment]);
  if (alert.topics.length > 0) parts.push(`${strings.topics}: ${alert.topics.map((topic) => strings.topic[topic]).join(', ')}`);
  return parts;
}

function alertText(strings: AlertStrings, alert: PendingAlert): string[] {
  return [
    details(strings, alert).join(' · '),
    alert.comment ? `“${excerpt(alert.comment)}”` : strings.noComment,
    `${strings.open}: ${responseLink(alert)}`,
  ];
}

function alertHtml(strings: AlertStrings, alert: PendingAlert): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<tr><td style="padding:12px 0;border-top:1px solid #e4e4e7;${FONT}font-size:15px;line-height:22px;">
<p class="muted" style="margin:0 0 4px;font-size:13px;color:#52525b;">${details(strings, alert).join(' · ')}</p>
<p style="margin:0 0 8px;">${alert.comment ? `“${excerpt(alert.comment)}”` : strings.noComment}</p>
<a href="${responseLink(alert)}" style="color:#1d4ed8;text-decoration:underline;">${strings.open}</a>
</td></tr>`;
}

/** One alert, or a digest of several: localised subject, HTML (email-client safe tables) and plain text. */
export async function composeAlertEmail(input: AlertEmailInput): Promise<Omit<OutgoingEmail, 'to'>> {
  const strings = alertStrings(input.locale);
  const first = input.alerts[0]!;
  const listed = input.alerts.slice(0, DIGEST_LIST_LIMIT);
  const unlisted = input.alerts.length - listed.length;
  const subject = input.digest ? strings.digestSubject(input.alerts.length) : strings.subject(first.score, first.surveyName);
  const heading = input.digest ? strings.digestHeading(input.alerts.length) : strings.heading;
  const document = html`<!doctype html>
<html lang="${strings.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><title>${subject}</title>
<style>@media (prefers-color-scheme: dark){.card{background:#18181b !important;color:#f4f4f5 !important}.muted{color:#a1a1aa !important}}</style>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 8px;">
<table role="presentation" class="card" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;color:#18181b;border-radius:8px;">
<tr><td style="padding:24px 16px 8px;${FONT}font-size:18px;font-weight:bold;">${heading}</td></tr>
${input.digest ? html`<tr><td style="padding:0 16px 8px;${FONT}font-size:15px;">${strings.digestIntro}</td></tr>` : ''}
<tr><td style="padding:0 16px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${listed.map((alert) => alertHtml(strings, alert))}</table></td></tr>
${unlisted > 0 ? html`<tr><td style="padding:8px 16px;${FONT}font-size:15px;">${strings.more(unlisted)}</td></tr>` : ''}
${input.digest ? html`<tr><td style="padding:8px 16px;${FONT}font-size:15px;"><a href="${detractorsLink(first)}" style="color:#1d4ed8;">${strings.openAll}</a></td></tr>` : ''}
<tr><td class="muted" style="padding:16px;${FONT}font-size:12px;line-height:18px;color:#52525b;">${strings.footer(input.tenantName)}</td></tr>
</table>
</td></tr></table>
</body></html>`;
  const text = [
    heading,
    '',
    ...(input.digest ? [strings.digestIntro, ''] : []),
    ...listed.flatMap((alert) => [...alertText(strings, alert), '']),
    ...(unlisted > 0 ? [strings.more(unlisted), ''] : []),
    ...(input.digest ? [`${strings.openAll}: ${detractorsLink(first)}`, ''] : []),
    strings.footer(input.tenantName),
    '',
  ].join('\n');
  return { from: input.from, subject, html: String(await document), text, headers: {} };
}
