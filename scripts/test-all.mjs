// `npm test`: every check the project promises, in order, with one summary at the end.
// Each stage's own output stays visible (vitest's summary lines included).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { missingChromium } from './chromium.mjs';

mkdirSync('test-results', { recursive: true });

const stages = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck shared/ (no Node, no DOM)', cmd: 'npx', args: ['tsc', '-p', 'shared/tsconfig.json', '--noEmit'] },
  { name: 'typecheck renderer/ (no Node)', cmd: 'npx', args: ['tsc', '-p', 'renderer/tsconfig.json', '--noEmit'] },
  { name: 'lint (incl. layering rule)', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'format (prettier --check)', cmd: 'npx', args: ['prettier', '--check', '.', '--log-level', 'warn'] },
  { name: 'electron-builder config', cmd: 'node', args: ['scripts/validate-builder-config.mjs'] },
  { name: 'security scan (electronegativity)', cmd: 'node', args: ['scripts/security-scan.mjs'] },
  { name: 'build', cmd: 'npm', args: ['run', 'build'] },
  {
    name: 'unit + integration tests',
    cmd: 'npx',
    args: ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
    report: 'test-results/unit.json',
  },
  {
    name: 'end-to-end tests (Chromium)',
    cmd: 'npx',
    args: ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/e2e.json'],
    report: 'test-results/e2e.json',
    cannotRun: missingChromium,
  },
];

const only = process.argv.slice(2);
const results = [];
let passedTests = 0;
let failedTests = 0;
const failures = [];
for (const stage of stages) {
  if (only.length > 0 && !only.some((word) => stage.name.includes(word))) continue;
  console.log(`\n=== ${stage.name}`);
  const reason = stage.cannotRun?.();
  if (reason) {
    console.log(`not run: ${reason}`);
    results.push({ name: `${stage.name} (not run: no browser)`, ok: false });
    continue;
  }
  const run = spawnSync(stage.cmd, stage.args, { stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  results.push({ name: stage.name, ok });
  if (stage.report && existsSync(stage.report)) {
    const report = JSON.parse(readFileSync(stage.report, 'utf8'));
    passedTests += report.numPassedTests ?? 0;
    failedTests += report.numFailedTests ?? 0;
    failures.push(...failedTestsOf(report));
  } else if (stage.report && !ok) {
    failedTests += 1;
  }
}

console.log('\n=== summary');
for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.name}`);
const failedStages = results.filter((r) => !r.ok).length;
console.log(`stages: ${results.length - failedStages} passed, ${failedStages} failed`);
console.log(`tests: ${passedTests} passed, ${failedTests} failed`);
// CI shows only the tail of this output, so the failed tests are named here, last.
for (const failure of failures) console.log(`failed: ${failure}`);
process.exit(failedStages > 0 ? 1 : 0);

function failedTestsOf(report) {
  const failed = [];
  for (const file of report.testResults ?? []) {
    const path = file.name?.replace(`${process.cwd()}/`, '') ?? '?';
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const firstLine = String(test.failureMessages?.[0] ?? '')
        .split('\n')[0]
        .slice(0, 240);
      failed.push(`${path} > ${test.fullName ?? test.title}: ${firstLine}`);
    }
    if ((file.assertionResults ?? []).length === 0 && file.status === 'failed')
      failed.push(
        `${path}: ${String(file.message ?? '')
          .split('\n')[0]
          .slice(0, 240)}`,
      );
  }
  return failed;
}
