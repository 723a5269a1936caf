import type { Campaign, RequestedStatus } from '../../../shared/cxone/schemas';
import { ConsoleFailure, consoleError, type ErrorKind } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { ContractHttp } from '../contract/contract-http';
import { pageSizeOf } from '../contract/page-size';
import type { CampaignsPort } from '../ports';
import { campaignStatusOfSkill, settleIntervalMs, settleReads } from './assumptions';
import { adminSkillSchema, skipTopPageOf, type AdminSkill } from './admin-schemas';
import { notAvailable } from './failures';
import { campaignOfSkill, isDialingSkill, personalConnection } from './skill-campaign';
import { readDialingSkill, startOrStopSkill } from './skills-client';
import { walkSkipTop } from './skip-top-pages';

const skillPage = skipTopPageOf('skills', adminSkillSchema);

export interface AdminCampaignsOptions {
  clock: Clock;
  defaultPageSize?: number;
  /**
   * What an emergency pause is: a stop that lets calls in progress finish, or the forced stop. A
   * pause is always the former. Read at each emergency pause: Settings may change it while connected.
   */
  emergencyStop: () => 'without_force' | 'forced';
}

const reached = (skill: AdminSkill, target: RequestedStatus) => campaignStatusOfSkill(skill) === target;

/** Failures after which a start or stop may have been applied all the same. */
const answerMayBeLost: ReadonlySet<ErrorKind> = new Set(['network', 'timeout', 'server', 'invalid_response']);

/** Campaigns are outbound Personal Connection skills: listed, read, started and stopped. */
export function adminCampaigns(http: ContractHttp, options: AdminCampaignsOptions): CampaignsPort {
  const get = async (id: string, signal?: AbortSignal) => campaignOfSkill(await readDialingSkill(http, id, signal));

  /** After a start/stop (202: completes later), re-read until it shows, a few times at most. */
  const settle = async (id: string, target: RequestedStatus, signal?: AbortSignal): Promise<Campaign> => {
    let skill = await readDialingSkill(http, id, signal);
    for (let read = 1; read < settleReads && !reached(skill, target); read++) {
      await options.clock.sleep(settleIntervalMs, signal);
      skill = await readDialingSkill(http, id, signal);
    }
    if (reached(skill, target)) return campaignOfSkill(skill);
    // Accepted but not yet running: the contract's word for that is activating.
    return campaignOfSkill(skill, target === 'running' && skill.isActive ? 'activating' : campaignStatusOfSkill(skill));
  };

  return {
    list(query = {}, signal) {
      const top = pageSizeOf(query.pageSize, options.defaultPageSize);
      const name = query.name?.toLowerCase();
      const skills = walkSkipTop(top, async (skip, pageTop) =>
        http.request({
          operation: { name: 'list campaigns (outbound skills)', method: 'GET', path: '/skills' },
          schema: skillPage,
          searchParams: { skip, top: pageTop, outboundStrategy: personalConnection },
          acceptsEmptyBody: true,
          signal,
        }),
      );
      return (async function* () {
        for await (const skill of skills) {
          if (!isDialingSkill(skill)) continue;
          const campaign = campaignOfSkill(skill);
          if (query.status && campaign.status !== query.status) continue;
          if (name && !campaign.name.toLowerCase().includes(name)) continue;
          yield campaign;
        }
      })();
    },
    get,
    create() {
      return Promise.reject(
        new ConsoleFailure(
          notAvailable(
            'Creating a campaign',
            'a CXone campaign is a Personal Connection skill, whose schedules are per weekday, not cron; create the skill in CXone',
          ),
        ),
      );
    },
    replace() {
      return Promise.reject(
        new ConsoleFailure(
          notAvailable('Editing a campaign definition', "the Admin API's skills have no versioned definition with cron schedules; edit the skill in CXone"),
        ),
      );
    },
    async setStatus(id, status, signal, intent) {
      if (status === 'completed') {
        throw new ConsoleFailure(notAvailable('Completing a campaign', 'the Admin API can only start and stop a skill; deactivate the skill in CXone'));
      }
      // Versionless: read, compare, write only when needed, then read again.
      const before = await readDialingSkill(http, id, signal);
      if (reached(before, status)) {
        // As the contract's 409 does: nothing was written, and the caller's re-read says "already" rather than "changed".
        throw new ConsoleFailure(
          consoleError('conflict', `Campaign ${id} is already ${status === 'running' ? 'running' : 'paused'}; nothing was sent.`, {
            code: 'INVALID_TRANSITION',
            target: `POST /skills/${id}`,
          }),
        );
      }
      if (!before.isActive) {
        throw new ConsoleFailure(
          consoleError(
            'conflict',
            `Could not ${status === 'running' ? 'resume' : 'pause'} campaign ${id}: the skill is not active in CXone; activate it there first.`,
            {
              code: 'INVALID_TRANSITION',
              target: `POST /skills/${id}`,
            },
          ),
        );
      }
      try {
        if (status === 'running') await startOrStopSkill(http, id, 'start', false, 'resume', signal);
        else await startOrStopSkill(http, id, 'stop', intent?.urgency === 'emergency' && options.emergencyStop() === 'forced', 'pause', signal);
      } catch (thrown) {
        // The request may have landed with its answer lost. The skill was read just before in the other
        // status and has no version to tell who moved it since, so this write did if it now shows the target.
        if (!(thrown instanceof ConsoleFailure) || !answerMayBeLost.has(thrown.error.kind)) throw thrown;
        const after = await settle(id, status, signal).catch(() => null);
        if (after && after.status === status) return after;
        throw thrown;
      }
      return settle(id, status, signal);
    },
  };
}
