import type { CampaignStatus } from '../../../shared/cxone/schemas';
import type { AdminApiDemoTenantHandle } from '../../../electron/demo-tenant-admin/index';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { campaignStatusOfSkill } from '../../../electron/tenant/admin-api/assumptions';
import type { ConsoleInBrowser } from './console-browser';

/*
 * The two kinds of tenant every shared end-to-end flow runs against (issue #17):
 * `describe.each(tenantKinds)('… ($label)', (tenant) => { … })`. Each reads the demo
 * tenant's own state (never the console's), normalised to the contract's words, so a test
 * asserts the same thing on both kinds.
 */

export type TenantKind = 'contract' | 'admin-api';

/** A campaign as the tenant holds it; on the Admin API a Personal Connection skill (id = skill id as text). */
export interface TenantCampaign {
  id: string;
  name: string;
  status: CampaignStatus;
}

/** A contact's recorded disposition as the tenant holds it. */
export interface TenantDisposition {
  campaignId: string;
  /** Contract: the outcome code; Admin API: the skill disposition's id (as text). */
  code: string;
  /** Contract: the outcome code; Admin API: the disposition's name (e.g. "Not interested"). */
  name: string;
  notes: string | null;
}

/** A contact the tenant would take a disposition for now: not on the dialer, none recorded yet. */
export interface TenantContactRef {
  campaignId: string;
  contactId: string;
}

export interface TenantUnderTest {
  kind: TenantKind;
  /** For test names: "contract tenant", "Admin API tenant". */
  label: string;
  /** Connects the console to this kind's demo tenant (contract: already connected). The screen shown afterwards is unspecified. */
  connect(console_: ConsoleInBrowser): Promise<void>;
  /** The campaigns the console lists (Admin API: outbound Personal Connection skills), in the tenant's order. */
  campaigns(console_: ConsoleInBrowser): TenantCampaign[];
  statusOf(console_: ConsoleInBrowser, campaignId: string): CampaignStatus | undefined;
  dispositionOf(console_: ConsoleInBrowser, contactId: string): TenantDisposition | undefined;
  /** Up to `count` contacts that can be dispositioned now, in the tenant's order. */
  dispositionableContacts(console_: ConsoleInBrowser, count: number): TenantContactRef[];
}

export function contractDemo(console_: ConsoleInBrowser): DemoTenantHandle {
  const handle = console_.host.services.tenant.demoTenant();
  if (!handle) throw new Error('The contract demo tenant did not start.');
  return handle;
}

export function adminApiDemo(console_: ConsoleInBrowser): AdminApiDemoTenantHandle {
  const handle = console_.host.services.tenant.adminApiDemoTenant();
  if (!handle) throw new Error('The Admin API demo tenant did not start: call connect() first.');
  return handle;
}

const contractTenant: TenantUnderTest = {
  kind: 'contract',
  label: 'contract tenant',
  async connect(console_) {
    await console_.page.getByLabel('Connected tenant').getByText('Demo tenant', { exact: true }).waitFor();
  },
  campaigns: (console_) => [...contractDemo(console_).state.campaigns.values()].map(({ id, name, status }) => ({ id, name, status })),
  statusOf: (console_, id) => contractDemo(console_).state.campaigns.get(id)?.status,
  dispositionOf(console_, contactId) {
    for (const [campaignId, contacts] of contractDemo(console_).state.contacts) {
      const contact = contacts.get(contactId);
      if (!contact) continue;
      if (contact.outcomeCode === null) return undefined;
      return { campaignId, code: contact.outcomeCode, name: contact.outcomeCode, notes: contact.notes ?? null };
    }
    return undefined;
  },
  dispositionableContacts(console_, count) {
    const found: TenantContactRef[] = [];
    for (const [campaignId, contacts] of contractDemo(console_).state.contacts) {
      for (const contact of contacts.values()) {
        if (found.length >= count) return found;
        if (contact.state === 'PENDING' && contact.outcomeCode === null) found.push({ campaignId, contactId: contact.id });
      }
    }
    return found;
  },
};

const dialingSkills = (demo: AdminApiDemoTenantHandle) =>
  [...demo.state.skills.values()].filter((skill) => skill.isOutbound && skill.outboundStrategy === 'Personal Connection');

const adminApiTenant: TenantUnderTest = {
  kind: 'admin-api',
  label: 'Admin API tenant',
  async connect(console_) {
    const { page } = console_;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Settings/ })
      .click();
    await page.getByRole('button', { name: 'Use demo tenant (Admin API)' }).click();
    await page.getByLabel('Connected tenant').getByText('Demo tenant (Admin API)', { exact: true }).waitFor();
    adminApiDemo(console_);
  },
  campaigns: (console_) =>
    dialingSkills(adminApiDemo(console_)).map((skill) => ({ id: String(skill.skillId), name: skill.skillName, status: campaignStatusOfSkill(skill) })),
  statusOf(console_, id) {
    const skill = adminApiDemo(console_).state.skills.get(Number(id));
    return skill ? campaignStatusOfSkill(skill) : undefined;
  },
  dispositionOf(console_, contactId) {
    const disposition = adminApiDemo(console_).state.contacts.get(Number(contactId))?.disposition;
    if (!disposition) return undefined;
    return { campaignId: String(disposition.skill), code: String(disposition.dispositionCode), name: disposition.dispositionName, notes: disposition.notes };
  },
  dispositionableContacts(console_, count) {
    const demo = adminApiDemo(console_);
    const dialing = new Set(dialingSkills(demo).map((skill) => skill.skillId));
    const found: TenantContactRef[] = [];
    for (const contact of demo.state.contacts.values()) {
      if (found.length >= count) break;
      if (dialing.has(contact.skillId) && !contact.active && contact.disposition === null) {
        found.push({ campaignId: String(contact.skillId), contactId: String(contact.contactId) });
      }
    }
    return found;
  },
};

/** Both kinds, contract first: `describe.each(tenantKinds)`. */
export const tenantKinds: readonly TenantUnderTest[] = [contractTenant, adminApiTenant];
