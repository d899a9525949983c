import { and, eq, gte, inArray, ne } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { customers, emailRecipients } from '../db/schema';
import { customerIdOf, upsertCustomerStatement } from '../customers/repository';
import { conflict } from '../http/problem';
import { newId } from '../shared/ids';
import { DAY_MS } from '../shared/time';
import { Email } from '../shared/schemas';
import type { CampaignRow } from './campaigns';
import { RecipientInput, type ImportReport } from './schemas';
import { suppressionsOf } from './suppressions';

/** Rows validated and written together: lookups stay under D1's 100 bound parameters and each chunk is one batch. */
export const IMPORT_CHUNK_ROWS = 40;

export interface RecipientRow {
  line: number;
  input: unknown;
}

type Rejection = ImportReport['rejected'][number];

/** Accumulates an import: addresses already seen in this upload, and the running report. */
export class ImportSession {
  readonly seen = new Set<string>();
  readonly report: ImportReport = { accepted: 0, rejected: [] };

  constructor(
    readonly db: Database,
    readonly campaign: CampaignRow,
    readonly resurveyDays: number,
    readonly now = Date.now(),
  ) {
    if (campaign.status !== 'draft' && campaign.status !== 'scheduled') {
      throw conflict('Recipients can only be added before the campaign starts sending.');
    }
  }

  /** Validates up to IMPORT_CHUNK_ROWS rows and writes the valid ones in one batch: all of them or none. */
  async addChunk(rows: RecipientRow[]): Promise<void> {
    const candidates: Array<{ line: number; recipient: RecipientInput & { email: string } }> = [];
    for (const row of rows) {
      const checked = this.check(row);
      if ('reason' in checked) this.report.rejected.push(checked);
      else candidates.push({ line: row.line, recipient: checked });
    }
    const blocked = await this.blockedAddresses(candidates.map((c) => c.recipient.email));
    const accepted = candidates.filter(({ line, recipient }) => {
      const rejection = blocked.get(recipient.email);
      if (rejection) this.report.rejected.push({ line, ...rejection });
      return !rejection;
    });
    if (accepted.length === 0) return;
    const { db, campaign, now } = this;
    const statements: BatchItem<'sqlite'>[] = accepted.flatMap(({ recipient }) => [
      upsertCustomerStatement(db, campaign.tenantId, recipient, now),
      db
        .insert(emailRecipients)
        .values({
          id: newId('rcp', now),
          tenantId: campaign.tenantId,
          campaignId: campaign.id,
          customerId: customerIdOf(campaign.tenantId, recipient),
          locale: recipient.locale ?? null,
          status: 'pending',
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing(),
    ]);
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    this.report.accepted += accepted.length;
  }

  private check(row: RecipientRow): Rejection | (RecipientInput & { email: string }) {
    const parsed = RecipientInput.safeParse(row.input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { line: row.line, reason: 'invalid_row', message: `${issue.path.join('.') || 'row'}: ${issue.message}` };
    }
    const email = Email.safeParse(parsed.data.email.trim());
    if (!email.success) return { line: row.line, reason: 'invalid_email', message: `"${parsed.data.email}" is not an email address` };
    if (this.seen.has(email.data)) return { line: row.line, reason: 'duplicate', message: `${email.data} appears earlier in this upload` };
    this.seen.add(email.data);
    return { ...parsed.data, email: email.data };
  }

  /** Why each address may not be added: suppressed, already in this campaign, or emailed by another campaign too recently. */
  private async blockedAddresses(emails: string[]): Promise<Map<string, Omit<Rejection, 'line'>>> {
    const blocked = new Map<string, Omit<Rejection, 'line'>>();
    if (emails.length === 0) return blocked;
    const { db, campaign } = this;
    const tenantId = campaign.tenantId;
    const joined = (extra: ReturnType<typeof and>) =>
      db
        .select({ email: customers.email })
        .from(emailRecipients)
        .innerJoin(customers, and(eq(customers.tenantId, tenantId), eq(customers.id, emailRecipients.customerId)))
        .where(and(eq(emailRecipients.tenantId, tenantId), inArray(customers.email, emails), extra));
    const since = this.now - this.resurveyDays * DAY_MS;
    const [suppressed, inCampaign, recent] = await Promise.all([
      suppressionsOf(db, tenantId, emails),
      joined(eq(emailRecipients.campaignId, campaign.id)),
      this.resurveyDays > 0 ? joined(and(ne(emailRecipients.campaignId, campaign.id), gte(emailRecipients.sentAt, since))) : [],
    ]);
    for (const { email } of recent) {
      blocked.set(email!, { reason: 'resurvey_window', message: `${email} was emailed within the last ${this.resurveyDays} days` });
    }
    for (const { email } of inCampaign) blocked.set(email!, { reason: 'duplicate', message: `${email} is already a recipient of this campaign` });
    for (const [email, reason] of suppressed) blocked.set(email, { reason, message: `${email} is ${reason}; it is never emailed` });
    return blocked;
  }
}

/** Runs rows through an import session in chunks. */
export async function importRows(session: ImportSession, rows: AsyncIterable<RecipientRow> | Iterable<RecipientRow>): Promise<ImportReport> {
  let chunk: RecipientRow[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length === IMPORT_CHUNK_ROWS) {
      await session.addChunk(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await session.addChunk(chunk);
  session.report.rejected.sort((a, b) => a.line - b.line);
  return session.report;
}
