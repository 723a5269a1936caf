import { adminError, answer, pageAnswer, skipTopOf, type DemoAnswer } from './answers';
import type { AdminApiTenantState, AdminSkill } from './public-types';
import { isAnswer, numericId, type AdminRoute } from './router';

export interface SkillRouteDependencies {
  state: AdminApiTenantState;
  /** Runs `land` once the start or stop has taken effect (now, or after the configured delay). */
  schedule: (land: () => void) => void;
}

function skillOf(state: AdminApiTenantState, raw: string | undefined): AdminSkill | DemoAnswer {
  const id = numericId(raw, 'skillId');
  if (isAnswer(id)) return id;
  return state.skills.get(id) ?? adminError(404, 'NotFound', `Skill ${id} does not exist.`);
}

function createSkills(state: AdminApiTenantState, body: unknown): DemoAnswer {
  const items =
    typeof body === 'object' && body !== null && Array.isArray((body as { skills?: unknown }).skills) ? (body as { skills: unknown[] }).skills : null;
  if (!items || items.length === 0) return adminError(400, 'InvalidRequest', 'The body needs skills: [...].');
  const taken = new Set([...state.skills.values()].map((skill) => skill.skillName));
  let nextId = Math.max(...state.skills.keys()) + 1;
  // A batch answers 200 even when items fail; each item says how it went.
  const skillsResults = items.map((item) => {
    const fields = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const name = fields.skillName;
    if (typeof name !== 'string' || name.trim() === '') return { success: false, error: 'skillName is required.' };
    if (taken.has(name)) return { success: false, error: `A skill named ${name} already exists.` };
    const skillId = nextId++;
    taken.add(name);
    const isOutbound = fields.isOutbound === true;
    state.skills.set(skillId, {
      skillId,
      skillName: name,
      mediaTypeId: typeof fields.mediaTypeId === 'number' ? fields.mediaTypeId : 4,
      mediaTypeName: 'Phone Call',
      isActive: true,
      isOutbound,
      outboundStrategy: isOutbound ? (typeof fields.outboundStrategy === 'string' ? fields.outboundStrategy : 'Personal Connection') : null,
      isRunning: false,
      campaignId: typeof fields.campaignId === 'number' ? fields.campaignId : 0,
      campaignName: '',
      requireDisposition: fields.requireDisposition === true,
      dispositions: [],
    });
    return { success: true, skillId, error: null };
  });
  return answer(200, { skillsResults });
}

/** Skills, their dispositions, and start/stop. */
export function skillRoutes(deps: SkillRouteDependencies): AdminRoute[] {
  const { state } = deps;
  const startOrStop = (action: 'start' | 'stop') => (request: { params: Record<string, string>; query: URLSearchParams }) => {
    const skill = skillOf(state, request.params.id);
    if (isAnswer(skill)) return skill;
    if (!skill.isOutbound) return adminError(400, 'InvalidRequest', `Skill ${skill.skillId} is not an outbound skill.`);
    if (!skill.isActive) return adminError(400, 'InvalidRequest', `Skill ${skill.skillId} is not active.`);
    const force = request.query.get('force') === 'true';
    state.startStopLog.push({ skillId: skill.skillId, action, force });
    deps.schedule(() => {
      skill.isRunning = action === 'start';
      if (action === 'stop' && force) {
        for (const contact of state.contacts.values()) if (contact.skillId === skill.skillId) contact.active = false;
      }
    });
    return answer(202);
  };
  return [
    {
      method: 'GET',
      pattern: '/skills/activity',
      handle: ({ query }) => {
        const outboundOnly = query.get('IsOutbound')?.toLowerCase() === 'true';
        const skills = [...state.skills.values()].filter((skill) => !outboundOnly || skill.isOutbound);
        const skillActivity = skills.map((skill) => {
          const active = [...state.contacts.values()].filter((contact) => contact.active && contact.skillId === skill.skillId).length;
          const agents = state.agentStates.filter((agent) => agent.skillId === skill.skillId);
          return {
            skillId: skill.skillId,
            skillName: skill.skillName,
            isActive: skill.isActive,
            queueCount: active,
            agentsLoggedIn: agents.filter((agent) => agent.agentStateName !== 'LoggedOut').length,
            agentsAvailable: agents.filter((agent) => agent.agentStateName === 'Available' || agent.agentStateName === 'Dialer').length,
          };
        });
        return answer(200, { skillActivity });
      },
    },
    {
      method: 'GET',
      pattern: '/skills',
      handle: ({ path, query }) => {
        const paging = skipTopOf(query);
        if (isAnswer(paging)) return paging;
        const mediaTypeId = query.get('mediaTypeId');
        const strategy = query.get('outboundStrategy');
        const skills = [...state.skills.values()].filter(
          (skill) => (mediaTypeId === null || String(skill.mediaTypeId) === mediaTypeId) && (strategy === null || skill.outboundStrategy === strategy),
        );
        return pageAnswer(path, 'skills', skills, paging);
      },
    },
    { method: 'POST', pattern: '/skills', handle: ({ body }) => createSkills(state, body) },
    {
      method: 'GET',
      pattern: '/skills/:id',
      handle: ({ params }) => {
        const skill = skillOf(state, params.id);
        return isAnswer(skill) ? skill : answer(200, { skill });
      },
    },
    {
      method: 'GET',
      pattern: '/skills/:id/dispositions',
      handle: ({ params, path, query }) => {
        const skill = skillOf(state, params.id);
        if (isAnswer(skill)) return skill;
        const paging = skipTopOf(query);
        return isAnswer(paging) ? paging : pageAnswer(path, 'dispositions', skill.dispositions, paging);
      },
    },
    { method: 'POST', pattern: '/skills/:id/start', handle: startOrStop('start') },
    { method: 'POST', pattern: '/skills/:id/stop', handle: startOrStop('stop') },
  ];
}
