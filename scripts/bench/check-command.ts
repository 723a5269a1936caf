import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cliPath } from './cli-path';

export interface CheckCommandRun {
  /** Spawn to exit: Node's start-up included. */
  seconds: number;
  /** The peak RSS (VmHWM) of the process doing the check, sampled every 20 ms until it exits; null off Linux. */
  peakRssMb: number | null;
  /** User + system CPU of the process, sampled the same way (clock ticks of 10 ms); null off Linux. */
  cpuSeconds: number | null;
  counts: { rows: number; winners: number; duplicates: number; superseded: number; invalid: number };
}

/**
 * `cxone-console dispositions check <file> --json` as a person runs it: the bin executed (so its
 * own Node flags apply) in a process of its own, with nothing else in its memory.
 */
export async function benchCheckCommand(path: string): Promise<CheckCommandRun> {
  const started = process.hrtime.bigint();
  const child = spawn(cliPath(), ['dispositions', 'check', path, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => (out += text));
  let peakKb: number | null = null;
  let cpuTicks: number | null = null;
  // The bin starts the check again with its heap flags: the process doing the work is a child of the one spawned.
  const cpuByPid = new Map<number, number>();
  const sample = () => {
    for (const pid of processTree(child.pid)) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb ?? 0, Number(hwm[1]));
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuByPid.set(pid, Number(fields[11]) + Number(fields[12]));
        cpuTicks = [...cpuByPid.values()].reduce((sum, ticks) => sum + ticks, 0);
      } catch {
        // Gone, or not Linux.
      }
    }
  };
  const timer = setInterval(sample, 20);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Exit 1: the file has invalid rows (it is meant to); anything else is a failed run.
  if (code !== 1 && code !== 0) throw new Error(`dispositions check exited with ${code}`);
  const { counts } = JSON.parse(out) as { counts: CheckCommandRun['counts'] };
  return {
    seconds,
    peakRssMb: peakKb === null ? null : peakKb / 1024,
    cpuSeconds: cpuTicks === null ? null : cpuTicks / 100,
    counts: { rows: counts.rows, winners: counts.winners, duplicates: counts.duplicates, superseded: counts.superseded, invalid: counts.invalid },
  };
}

/** The process and its descendants (Linux); just the process elsewhere. */
function processTree(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    // Gone, or not Linux.
  }
  return [pid, ...children.flatMap(processTree)];
}
