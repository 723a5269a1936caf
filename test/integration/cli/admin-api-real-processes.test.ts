import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type FinishedCli, type RunningCli } from '../../support/cli-process';

interface Described {
  issuer: string;
  accessKeyId: string;
  accessKeySecret: string;
  apiVersion: string;
}

interface Skill {
  skillId: number;
  isOutbound: boolean;
  outboundStrategy: string | null;
  isActive: boolean;
  isRunning: boolean;
}

/** The simulated tenant's own answer, read over HTTP without the console's adapter. */
async function skillsOf(tenant: Described): Promise<Skill[]> {
  const signIn = await fetch(`${tenant.issuer}/authentication/v1/token/access-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ accessKeyId: tenant.accessKeyId, accessKeySecret: tenant.accessKeySecret }),
  });
  const { access_token: token } = (await signIn.json()) as { access_token: string };
  const answer = await fetch(`${tenant.issuer}/inContactAPI/services/v${tenant.apiVersion}/skills?skip=0&top=1000`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  const { skills } = (await answer.json()) as { skills: Skill[] };
  return skills.filter((skill) => skill.isOutbound && skill.outboundStrategy === 'Personal Connection');
}

describe('cxone-console against `demo-tenant --kind admin-api`, both as real processes', () => {
  let startCli: Awaited<ReturnType<typeof buildCli>>;
  let demo: RunningCli;
  let tenant: Described;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    startCli = await buildCli('test-admin-api-cli');
    dir = mkdtempSync(join(tmpdir(), 'admin-api-cli-'));
    demo = startCli(['demo-tenant', '--kind', 'admin-api', '--campaigns', '24', '--seed', '7', '--json'], process.env);
    const firstLine = await new Promise<string>((resolve, reject) => {
      if (!demo.child.stdout) return reject(new Error('no stdout'));
      const lines = createInterface({ input: demo.child.stdout });
      lines.once('line', resolve);
      demo.child.once('exit', () => reject(new Error('demo-tenant exited before printing its line')));
    });
    tenant = JSON.parse(firstLine) as Described;
    env = {
      ...process.env,
      CXONE_KIND: 'admin-api',
      CXONE_ISSUER: tenant.issuer,
      CXONE_ACCESS_KEY_ID: tenant.accessKeyId,
      CXONE_ACCESS_KEY_SECRET: tenant.accessKeySecret,
      CXONE_API_VERSION: tenant.apiVersion,
      CXONE_DATA_DIR: join(dir, 'data'),
    };
  });
  afterAll(async () => {
    demo?.child.kill('SIGTERM');
    await demo?.finished;
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[], changes: NodeJS.ProcessEnv = {}): Promise<FinishedCli> => startCli(args, { ...env, ...changes }).finished;

  it('lists the outbound skills as campaigns', async () => {
    const listed = await cli(['campaigns', 'list', '--json']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const campaigns = JSON.parse(listed.stdout) as { id: string; status: string }[];
    const skills = await skillsOf(tenant);
    expect(campaigns.map((c) => c.id)).toEqual(skills.map((s) => String(s.skillId)));
    expect(campaigns.filter((c) => c.status === 'running').map((c) => c.id)).toEqual(
      skills.filter((s) => s.isActive && s.isRunning).map((s) => String(s.skillId)),
    );
  });

  it('emergency pause stops every running skill, and resume --emergency starts exactly those again', async () => {
    const before = await skillsOf(tenant);
    const running = before.filter((s) => s.isActive && s.isRunning).map((s) => s.skillId);
    const stoppedBefore = before.filter((s) => s.isActive && !s.isRunning).map((s) => s.skillId);
    expect(running.length).toBeGreaterThan(2);

    const pause = await cli(['campaigns', 'pause', '--all', '--json']);
    expect(pause.stderr).toBe('');
    expect(pause.code).toBe(0);
    const afterPause = await skillsOf(tenant);
    expect(afterPause.filter((s) => s.isRunning)).toEqual([]);

    const resume = await cli(['campaigns', 'resume', '--emergency', '--json']);
    expect(resume.stderr).toBe('');
    expect(resume.code).toBe(0);
    const afterResume = await skillsOf(tenant);
    expect(afterResume.filter((s) => s.isRunning).map((s) => s.skillId)).toEqual(running);
    expect(afterResume.filter((s) => s.isActive && !s.isRunning).map((s) => s.skillId)).toEqual(stoppedBefore);
  });

  it('names the missing variable, and refuses a plain-http issuer off this computer naming CXONE_ISSUER', async () => {
    const missing = await cli(['campaigns', 'list'], { CXONE_ACCESS_KEY_ID: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CXONE_ACCESS_KEY_ID');
    const plain = await cli(['campaigns', 'list'], { CXONE_ISSUER: 'http://cxone.example.com' });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('CXONE_ISSUER must use https://');
    expect(plain.stderr).not.toContain(tenant.accessKeySecret);
  });
});
