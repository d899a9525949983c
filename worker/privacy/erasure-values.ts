/** What erased free text and stored response bodies are replaced with. */
export const ERASED_BODY = '{"erased":true}';

/** Unique per customer and never typeable: referral codes are upper-cased on input. */
export const erasedReferralCode = (customerId: string) => `erased:${customerId}`;

/**
 * JSON fragments that identify the customer inside stored JSON (request replays): the id and email
 * as JSON strings, and the external id only as an `externalId` value, since a short external id
 * such as "m1" could occur anywhere else.
 */
export function identifyingNeedles(customer: { id: string; email: string | null; externalId: string | null }): string[] {
  return [
    JSON.stringify(customer.id),
    ...(customer.email === null ? [] : [JSON.stringify(customer.email)]),
    ...(customer.externalId === null ? [] : [`"externalId":${JSON.stringify(customer.externalId)}`]),
  ];
}
