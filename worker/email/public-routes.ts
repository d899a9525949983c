import type { Context } from 'hono';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { HtmlEscapedString } from 'hono/utils/html';
import { emailRecipients } from '../db/schema';
import type { AppEnv } from '../env';
import { clientIp, enforceRateLimit, limitBody } from '../http/limits';
import { createRouter } from '../http/openapi';
import { isScoreInRange } from '../responses/scoring';
import { MAX_COMMENT_LENGTH } from '../responses/schemas';
import { randomBase62 } from '../shared/crypto';
import { judgeHit, storeHit } from './hits';
import { HONEYPOT_SEGMENT } from './links';
import { landingPage, messagePage, unsubscribePage } from './pages';
import { loadRecipient, type RecipientContext } from './recipient-context';
import { recordAnswer } from './record-answer';
import { alertAfterWrite } from '../alerts/raise';
import { announceCreatedResponses } from '../responses/announce';
import type { HitKind } from './schemas';
import { secretBox } from '../shared/secret-box';
import { findSigningKey } from './signing-keys';
import { emailHash, suppressStatement } from './suppressions';
import { verifyLink, type LinkClaims } from './tokens';
import { emailStrings, uiLocale } from './ui-strings';

type Ctx = Context<AppEnv>;
type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Sends a page with a CSP that allows only its own nonce-tagged style and script. */
async function sendPage(c: Ctx, status: 200 | 404 | 410, render: (nonce: string) => Markup): Promise<Response> {
  const nonce = randomBase62(22);
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  );
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(String(await render(nonce)), status);
}

/** Without a valid link the page speaks the browser's language. */
const invalidPage = (c: Ctx, locale?: string) => {
  const lang = locale ?? uiLocale(c.req.header('Accept-Language'));
  const strings = emailStrings(lang);
  return sendPage(c, 404, (nonce) => messagePage(lang, nonce, strings.linkInvalidTitle, strings.linkInvalidText));
};
const closedPage = (c: Ctx, locale: string) => {
  const strings = emailStrings(locale);
  return sendPage(c, 410, (nonce) => messagePage(locale, nonce, strings.linkInvalidTitle, strings.linkExpiredText));
};

type Opened = { claims: LinkClaims; context: RecipientContext };

/** The recipient a link names, or the friendly page to show instead. `allowExpired` is for unsubscribing. */
async function openLink(c: Ctx, allowExpired = false): Promise<Opened | Response> {
  const db = c.var.db;
  const verified = await verifyLink(
    c.req.param('token') ?? '',
    (tenantId, kid) => findSigningKey(db, secretBox(c.env.DATA_ENCRYPTION_KEY), tenantId, kid),
    Date.now(),
  );
  if (!verified.ok && verified.reason !== 'expired') return invalidPage(c);
  const { claims } = verified;
  const context = await loadRecipient(db, claims.tenantId, claims.campaignId, claims.recipientId);
  if (!context) return invalidPage(c);
  if (!allowExpired && (!verified.ok || context.survey.status !== 'active')) return closedPage(c, context.locale);
  return { claims, context };
}

async function readForm(c: Ctx): Promise<{ score: number | null; comment: string | undefined }> {
  const form = await c.req.parseBody();
  const score = typeof form.score === 'string' && /^\d{1,2}$/.test(form.score) ? Number(form.score) : null;
  const comment = typeof form.comment === 'string' ? form.comment.trim().slice(0, MAX_COMMENT_LENGTH) : undefined;
  return { score, comment };
}

/** A confirmation from the page (script or form): counted only when neither the request nor the recent pattern looks like a scanner. */
async function confirm(c: Ctx, opened: Opened, kind: HitKind, score: number, comment: string | undefined): Promise<void> {
  const db = c.var.db;
  const now = Date.now();
  const userAgent = c.req.header('User-Agent');
  const judgement = await judgeHit(db, opened.claims, kind, score, userAgent, now);
  if (judgement.reason === null) {
    alertAfterWrite(c)(await recordAnswer(db, opened.context, score, comment, now, announceCreatedResponses(c)));
  }
  await storeHit(
    db,
    opened.claims,
    { kind, score, verdict: judgement.reason ? 'filtered' : 'counted', judgement, userAgent },
    now,
  );
}

const limitIngest = async (c: Ctx) => enforceRateLimit(c.env, 'INGEST_LIMITER', `ip:${clientIp(c.req.raw)}`);

export const emailLinkRoutes = createRouter();
emailLinkRoutes.use('/r/*', limitBody(16 * 1024));
emailLinkRoutes.use('/u/*', limitBody(16 * 1024));

emailLinkRoutes.get(`/r/:token/${HONEYPOT_SEGMENT}`, async (c) => {
  const opened = await openLink(c, true);
  if (opened instanceof Response) return opened;
  const now = Date.now();
  const userAgent = c.req.header('User-Agent');
  const judgement = await judgeHit(c.var.db, opened.claims, 'honeypot', null, userAgent, now);
  await storeHit(c.var.db, opened.claims, { kind: 'honeypot', score: null, verdict: 'filtered', judgement, userAgent }, now);
  return c.body(null, 204);
});

/** A bare GET is evidence, never an answer: it only renders the page that can confirm one. */
emailLinkRoutes.get('/r/:token/:score', async (c) => {
  const opened = await openLink(c);
  if (opened instanceof Response) return opened;
  const raw = c.req.param('score');
  const score = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!isScoreInRange(opened.context.survey.kind, score)) return invalidPage(c, opened.context.locale);
  const db = c.var.db;
  const now = Date.now();
  const userAgent = c.req.header('User-Agent');
  const judgement = await judgeHit(db, opened.claims, 'open', score, userAgent, now);
  await storeHit(
    db,
    opened.claims,
    { kind: 'open', score, verdict: judgement.reason ? 'filtered' : 'evidence', judgement, userAgent },
    now,
  );
  if (!judgement.reason) {
    const { tenantId, recipientId } = opened.claims;
    await db
      .update(emailRecipients)
      .set({ status: 'clicked', clickedAt: now, updatedAt: now })
      .where(
        and(
          eq(emailRecipients.tenantId, tenantId),
          eq(emailRecipients.id, recipientId),
          eq(emailRecipients.status, 'sent'),
          isNull(emailRecipients.clickedAt),
        ),
      );
  }
  return sendPage(c, 200, (nonce) => landingPage(opened.context, c.req.param('token'), score, nonce));
});

emailLinkRoutes.post('/r/:token/confirm', async (c) => {
  await limitIngest(c);
  const opened = await openLink(c);
  if (opened instanceof Response) return opened;
  const { score } = await readForm(c);
  if (score === null || !isScoreInRange(opened.context.survey.kind, score)) return c.body(null, 400);
  await confirm(c, opened, 'confirm', score, undefined);
  return c.body(null, 204);
});

/** The page's form: works without JavaScript, and carries the comment. */
emailLinkRoutes.post('/r/:token', async (c) => {
  await limitIngest(c);
  const opened = await openLink(c);
  if (opened instanceof Response) return opened;
  const { context } = opened;
  const { score, comment } = await readForm(c);
  if (score === null || !isScoreInRange(context.survey.kind, score)) return invalidPage(c, context.locale);
  await confirm(c, opened, 'form', score, comment);
  return sendPage(c, 200, (nonce) => messagePage(context.locale, nonce, context.texts.thankYou, ''));
});

emailLinkRoutes.get('/u/:token', async (c) => {
  const opened = await openLink(c, true);
  if (opened instanceof Response) return opened;
  return sendPage(c, 200, (nonce) => unsubscribePage(opened.context.locale, nonce, c.req.param('token')));
});

/** Both the page's button and RFC 8058 one-click (`List-Unsubscribe=One-Click`) land here. */
emailLinkRoutes.post('/u/:token', async (c) => {
  await limitIngest(c);
  const opened = await openLink(c, true);
  if (opened instanceof Response) return opened;
  const { context } = opened;
  const db = c.var.db;
  const now = Date.now();
  const tenantId = context.campaign.tenantId;
  const markRecipient = db
    .update(emailRecipients)
    .set({ status: 'unsubscribed', updatedAt: now })
    .where(
      and(
        eq(emailRecipients.tenantId, tenantId),
        eq(emailRecipients.id, context.recipient.id),
        ne(emailRecipients.status, 'answered'),
      ),
    );
  if (context.customer.email)
    await db.batch([
      suppressStatement(db, tenantId, await emailHash(context.customer.email), 'unsubscribed', now),
      markRecipient,
    ]);
  else await markRecipient;
  const strings = emailStrings(context.locale);
  return sendPage(c, 200, (nonce) => messagePage(context.locale, nonce, strings.unsubscribeTitle, strings.unsubscribedText));
});
