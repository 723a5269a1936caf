import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/host/cli/cli';
import { capturedIo } from '../../integration/cli/cli-io';

const cli = async (...argv: string[]) => {
  const terminal = capturedIo();
  const code = await runCli(argv, terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
};

describe('cxone-console staffing and simulate', () => {
  it('staffs the textbook example: 100 calls in 30 minutes, 3-minute handle time, 80% in 20 s', async () => {
    const { code, stdout } = await cli(
      'staffing',
      '--calls',
      '100',
      '--interval-s',
      '1800',
      '--aht-s',
      '180',
      '--service-level',
      '0.8',
      '--target-s',
      '20',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, number>;
    expect(result.trafficErlangs).toBeCloseTo(10, 10);
    // Call Centre Helper's worked example: 14 agents, 17.4% wait, 88.8% in 20 s, ASA 7.8 s, 71.4% occupancy.
    expect(result.agents).toBe(14);
    expect(result.probabilityOfWaiting).toBeCloseTo(0.1741, 4);
    expect(result.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(result.averageSpeedOfAnswerSeconds).toBeCloseTo(7.84, 2);
    expect(result.occupancy).toBeCloseTo(10 / 14, 10);
  });

  it('prints the staffing figures as aligned lines without --json', async () => {
    const { code, stdout } = await cli('staffing', '--calls', '100', '--interval-s', '1800', '--aht-s', '180');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Agents needed\s+\d+$/m);
    expect(stdout).toMatch(/^Traffic\s+10\.000 Erlangs$/m);
    expect(stdout).toMatch(/^Service level achieved\s+[\d.]+% within 20 s \(target 80%\)$/m);
  });

  it('refuses impossible inputs with one line on stderr and exit code 2', async () => {
    const missing = await cli('staffing', '--calls', '100', '--aht-s', '180');
    expect(missing.code).toBe(2);
    const both = await cli('simulate', '--contacts', '100', '--agents', '2', '--answer-rate', '0.3', '--aht-s', '60', '--dial-ratio', '1.5', '--recommend');
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('cxone-console: give either --dial-ratio or --recommend, not both.\n');
    const badRate = await cli('simulate', '--contacts', '100', '--agents', '2', '--answer-rate', '1.5', '--aht-s', '60');
    expect(badRate.code).toBe(2);
    expect(badRate.stderr).toMatch(/--answer-rate takes a number from 0 to 1/);
  });

  it('gives the same JSON for the same seed', async () => {
    const args = [
      'simulate',
      '--contacts',
      '400',
      '--agents',
      '4',
      '--answer-rate',
      '0.3',
      '--aht-s',
      '120',
      '--dial-ratio',
      '1.4',
      '--replications',
      '5',
      '--seed',
      '9',
      '--json',
    ];
    const first = await cli(...args);
    const second = await cli(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const result = JSON.parse(first.stdout) as { abandonmentRate: number; settings: { dialRatio: number } };
    expect(result.settings.dialRatio).toBe(1.4);
    expect(result.abandonmentRate).toBeGreaterThan(0);
  });

  it('recommends a dial ratio and compares it with progressive', async () => {
    const { code, stdout } = await cli(
      'simulate',
      '--contacts',
      '2000',
      '--agents',
      '10',
      '--answer-rate',
      '0.3',
      '--aht-s',
      '180',
      '--recommend',
      '--replications',
      '20',
      '--seed',
      '3',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Recommended predictive dial ratio \d\.\d: abandonment/m);
    expect(stdout).toMatch(/← recommended$/m);
    expect(stdout).toMatch(/^progressive\s+0\.00%/m);
  });
});
