import * as z from 'zod';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { ContractHttp } from '../contract/contract-http';
import { invalidResponse } from '../contract/failures';
import { singleSkillKeys } from './assumptions';
import { adminSkillSchema, type AdminSkill } from './admin-schemas';
import { isDialingSkill } from './skill-campaign';

const skillPath = (id: string) => `/skills/${encodeURIComponent(id)}`;
const singleSkillAnswer = z.record(z.string(), z.unknown());

/** Reads one skill and insists it is a dialing (Personal Connection) skill: anything else is no campaign. */
export async function readDialingSkill(http: ContractHttp, id: string, signal?: AbortSignal): Promise<AdminSkill> {
  const operation = { name: `read campaign ${id}`, method: 'GET', path: skillPath(id), resource: `campaign (skill) ${id}` } as const;
  if (!/^\d+$/.test(id)) {
    throw new ConsoleFailure(consoleError('not_found', `Could not ${operation.name}: CXone skill ids are numbers; refresh and pick an existing campaign.`));
  }
  const answer = await http.request({ operation, schema: singleSkillAnswer, signal });
  const wrapped = singleSkillKeys.map((key) => answer[key]).find((value) => value !== undefined);
  const parsed = adminSkillSchema.safeParse(Array.isArray(wrapped) ? wrapped[0] : wrapped);
  if (!parsed.success) throw new ConsoleFailure(invalidResponse(operation, 'the answer holds no skill'));
  if (!isDialingSkill(parsed.data)) {
    throw new ConsoleFailure(
      consoleError('not_found', `Skill ${id} is not an outbound Personal Connection skill, so it is no campaign the console can control.`, {
        status: 404,
        target: `GET ${operation.path}`,
      }),
    );
  }
  return parsed.data;
}

export function startOrStopSkill(http: ContractHttp, id: string, action: 'start' | 'stop', force: boolean, verb: string, signal?: AbortSignal) {
  return http.request({
    operation: { name: `${verb} campaign ${id}`, method: 'POST', path: `${skillPath(id)}/${action}`, resource: `campaign (skill) ${id}` },
    schema: z.unknown(),
    searchParams: action === 'stop' ? { force: String(force) } : {},
    acceptsEmptyBody: true,
    signal,
  });
}
