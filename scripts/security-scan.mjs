// Runs @doyensec/electronegativity over electron/ and renderer/ and fails on HIGH
// findings. The tool lives in its own folder under .cache so its old toolchain never
// enters the app's dependency tree; it is installed there on first use.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const version = '1.10.3';
const toolDir = join('.cache', 'tools', 'electronegativity');
const binary = join(toolDir, 'node_modules', '.bin', 'electronegativity');
if (!existsSync(binary)) {
  mkdirSync(toolDir, { recursive: true });
  writeFileSync(join(toolDir, 'package.json'), JSON.stringify({ name: 'security-tools', private: true }));
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', toolDir, `@doyensec/electronegativity@${version}`], {
    stdio: 'inherit',
  });
  if (install.status !== 0) {
    console.error('security scan: could not install @doyensec/electronegativity from the npm registry.');
    process.exit(1);
  }
}

const report = join(toolDir, 'report.csv');
let high = 0;
const findings = [];
// Global checks judge the whole app (navigation limits, permission handlers live in
// main), so they run on electron/; the renderer run keeps every per-file check.
const globalChecks = ['LimitNavigationGlobalCheck', 'PermissionRequestHandlerGlobalCheck'];
const runs = [
  { input: 'electron', extra: [] },
  { input: 'renderer', extra: ['-x', globalChecks.join(',')] },
];
for (const { input, extra } of runs) {
  const run = spawnSync(binary, ['-i', input, '-o', report, '-r', '-v', 'false', '-e', '41.0.0', '-p', 'jsx,typescript', ...extra], {
    encoding: 'utf8',
  });
  if (run.status !== 0 || !existsSync(report)) {
    console.error(`security scan of ${input}/ failed to run:\n${run.stderr || run.stdout}`);
    process.exit(1);
  }
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  for (const row of rows) {
    findings.push(`${input}: ${row}`);
    if (/,"?HIGH"?,/i.test(row)) high++;
  }
}
for (const finding of findings) console.log(finding);
console.log(`security scan: ${findings.length} finding(s), ${high} HIGH`);
process.exit(high > 0 ? 1 : 0);
