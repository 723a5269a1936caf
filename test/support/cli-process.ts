// The command line as shipped, in its own process: bundled the way scripts/build-node.mjs does
// (only the cli entry, into a folder of the calling test, so tests never share a half-written bundle).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'esbuild';

export interface FinishedCli {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  finished: Promise<FinishedCli>;
}

/** Bundles the CLI into out/<folder>/cli.mjs and returns a starter for processes of it. */
export async function buildCli(folder: string): Promise<(args: string[], env: NodeJS.ProcessEnv) => RunningCli> {
  const outdir = resolve('out', folder);
  await build({
    entryPoints: { cli: 'electron/host/cli/main.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const cliPath = resolve(outdir, 'cli.mjs');
  return (args, env) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const finished = new Promise<FinishedCli>((settle) => child.on('close', (code, signal) => settle({ code, signal, stdout, stderr })));
    return { child, finished };
  };
}
