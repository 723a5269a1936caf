import type { CampaignStatus, DialerType } from '../../../shared/cxone/schemas';
import { outcomeCodesAlike } from '../../../shared/dispositions/outcome-code-match';

/*
 * Everything the Admin API adapter assumes beyond the public facts in
 * `shared/cxone-admin-api.md`. Each entry names the fact (or the gap) it rests on; when a
 * live tenant shows otherwise, this is the one file to change.
 */

/*
 * Gap, kept beside the form that offers it (`shared/tenant-profile.ts`, `cxoneIssuers`, since
 * the renderer shows it): the government cloud is named only "cxone-gov"; its issuer is assumed
 * to be https://cxone-gov.niceincontact.com. The issuer is a setting either way.
 */

/** Fact: "versions in use run from v12.0 to v34.0; campaign creation needs v33.0". A setting; this is its default. */
export const defaultApiVersion = '33.0';

/**
 * Fact: "No pause endpoint is known: a stop without force is the nearest 'pause'; a forced
 * stop is the emergency brake. Not confirmed against a live tenant." A pause stops without
 * force; an emergency pause too by default, or with force when the lead chose it in Settings
 * (`emergencyStop: 'forced'`).
 */
export const defaultEmergencyStop: 'without_force' | 'forced' = 'without_force';

/**
 * Gap: the answer of `POST {issuer}/authentication/v1/token/access-key` is not described.
 * Assumed to carry the same fields as the token endpoint (`access_token`, `expires_in`,
 * `id_token`). Fact: tokens last 60 minutes, so a missing `expires_in` means 3600 s.
 */
export const accessKeyTokenPath = '/authentication/v1/token/access-key';
export const assumedTokenLifetimeSeconds = 3600;

/** Gap: whether `GET /skills/{id}` wraps the skill as `{skill}` (like `PUT`'s body) or `{skills:[…]}`; both are read. */
export const singleSkillKeys = ['skill', 'skills'] as const;

/**
 * Gap: the public facts give a skill `isActive` and `isRunning`, not a status. Read as:
 * inactive → completed (it cannot dial until reactivated in CXone), active and running →
 * running, active and stopped → paused.
 */
export function campaignStatusOfSkill(skill: { isActive: boolean; isRunning: boolean }): CampaignStatus {
  if (!skill.isActive) return 'completed';
  return skill.isRunning ? 'running' : 'paused';
}

/**
 * Gap: "No explicit predictive/progressive/preview field was found". Personal Connection is
 * CXone's predictive dialer, so its skills are reported as predictive.
 */
export const dialerTypeOfPersonalConnection: DialerType = 'predictive';

/** Gap: skills, calling lists and agent states carry no creation time in the public facts; shown as unknown (the epoch). */
export const unknownTimestamp = '1970-01-01T00:00:00.000Z';

/**
 * Fact: start and stop may answer 202 (asynchronous completion); how long completion takes
 * is not known. The adapter re-reads the skill this many times, this far apart, before
 * reporting the change as still under way.
 */
export const settleReads = 5;
export const settleIntervalMs = 200;

/**
 * Gap: the entries of a skill's `dispositions[]` and of `GET /dispositions` are assumed to be
 * `{dispositionId, dispositionName}`. Where the lead's mapping in Settings
 * (`adminApi.outcomeDispositions`) does not name an outcome code, a disposition's outcome code is its name in
 * capitals ("Not interested" → NOT_INTERESTED), and an outcome code matches a disposition
 * with the same words, however spaced or ordered (CALLBACK_LATER ↔ "Call back later",
 * VOICEMAIL_LEFT ↔ "Left voicemail"). Nothing looser: a wrong disposition is worse than a
 * refusal that names the skill's dispositions.
 */
export const outcomeCodeOfDispositionName = (name: string): string =>
  name
    .trim()
    .toUpperCase()
    .replace(/[^A-Z]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 20);

/** The same words rule as the file check's suggestions (`outcomeCodesAlike`), so what apply would match is what a refusal proposes. */
export const dispositionMatchesOutcome = (dispositionName: string, outcomeCode: string): boolean =>
  outcomeCodesAlike(outcomeCodeOfDispositionName(dispositionName), outcomeCode);

/**
 * Gap: the answer of `GET /contacts/{contactId}/disposition` is assumed to be the
 * `dispositionInfo` that was set, flat: `{contactId, skillId, dispositionCode, dispositionName, notes, …}`,
 * with `dispositionCode: null` when none was set. It names no agent and no time.
 */
export const dispositionReadBackFields = ['contactId', 'skillId', 'dispositionCode', 'dispositionName', 'notes'] as const;

/**
 * Gap: the phone number format of DNC records. Assumed North American national numbers
 * (10 digits, no +1), as CXone's US tenants store them.
 */
export const dncPhoneNumberOf = (e164: string): string => e164.replace(/^\+1(?=\d{10}$)/, '').replace(/^\+/, '');

/** Gap: the answer of `POST /dnc-groups/search?phoneNumber=` is assumed to be `{dncGroupRecords:[{dncGroupId, phoneNumber}]}`. */
export const dncSearchResultKey = 'dncGroupRecords';

/**
 * Gap: agent states list `agentId, agentStateName, skillId, isOutbound, contactId, teamId, …`.
 * The time the state began is assumed to be `startDate`; no agent name is listed, so agents are named by id.
 */
export const agentStateSinceField = 'startDate';
