// Types and reads of the loyalty API as mounted for the dashboard (/api/loyalty, session auth).
import type { z } from 'zod';
import { api, type Page, withQuery } from '../../api';
import type { Entry, Liability, Member, Reward, Rule, Settings, Tier } from '../../../../worker/loyalty/schemas';
import type { ProgrammeOverview } from '../../../../worker/loyalty/programme-schema';

export type MemberView = z.infer<typeof Member>;
export type EntryView = z.infer<typeof Entry>;
export type LiabilityView = z.infer<typeof Liability>;
export type SettingsView = z.infer<typeof Settings>;
export type RuleView = z.infer<typeof Rule>;
export type TierView = z.infer<typeof Tier>;
export type RewardView = z.infer<typeof Reward>;
export type ProgrammeView = z.infer<typeof ProgrammeOverview>;

export const LOYALTY = '/api/loyalty';
export const memberPath = (customer: string) => `${LOYALTY}/members/${encodeURIComponent(customer)}`;

export const loadMember = (customer: string) => api<MemberView>(memberPath(customer));
export const loadLedger = (customer: string, cursor?: string) =>
  api<Page<EntryView>>(withQuery(`${memberPath(customer)}/transactions`, { limit: 20, cursor }));
export const loadLiability = () => api<LiabilityView>(`${LOYALTY}/liability`);
export const loadProgramme = () => api<ProgrammeView>(`${LOYALTY}/programme`);
export const loadSettings = () => api<SettingsView>(`${LOYALTY}/settings`);
export const loadRules = () => api<Page<RuleView>>(`${LOYALTY}/rules?limit=200`).then((page) => page.data);
export const loadTiers = () => api<{ data: TierView[] }>(`${LOYALTY}/tiers`).then((page) => page.data);
export const loadRewards = () => api<Page<RewardView>>(`${LOYALTY}/rewards?limit=200`).then((page) => page.data);
