import { mkdir, open, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { importJobSpecSchema, type ImportJobSpec } from '../../../shared/dispositions/import-job';

/**
 * Where an import keeps its state: `<dir>/<contentHash>.job.json` (the rows to apply,
 * so a resume does not need the file again) and `<dir>/<contentHash>.journal.jsonl`.
 */
export interface ImportJobFiles {
  dir: string;
  specPath(contentHash: string): string;
  journalPath(contentHash: string): string;
  writeSpec(spec: ImportJobSpec): Promise<void>;
  readSpec(contentHash: string): Promise<ImportJobSpec | null>;
  /** Content hashes that have a journal. */
  listHashes(): Promise<string[]>;
  /** Moves a finished import aside so the same file can be imported again. */
  archive(contentHash: string, stamp: string): Promise<void>;
}

const safeHash = (hash: string) => {
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(hash)) throw new Error(`Not a content hash: ${hash}`);
  return hash;
};

export function importJobFiles(dir: string): ImportJobFiles {
  const specPath = (hash: string) => join(dir, `${safeHash(hash)}.job.json`);
  const journalPath = (hash: string) => join(dir, `${safeHash(hash)}.journal.jsonl`);
  return {
    dir,
    specPath,
    journalPath,
    async writeSpec(spec) {
      await mkdir(dir, { recursive: true });
      const target = specPath(spec.contentHash);
      const temp = `${target}.tmp`;
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(JSON.stringify(spec));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    },
    async readSpec(hash) {
      try {
        return importJobSpecSchema.parse(JSON.parse(await readFile(specPath(hash), 'utf8')));
      } catch (thrown) {
        if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw thrown;
      }
    },
    async listHashes() {
      try {
        const names = await readdir(dir);
        return names.filter((name) => name.endsWith('.journal.jsonl')).map((name) => name.slice(0, -'.journal.jsonl'.length));
      } catch (thrown) {
        if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw thrown;
      }
    },
    async archive(hash, stamp) {
      const archiveDir = join(dir, 'archive');
      await mkdir(archiveDir, { recursive: true });
      const suffix = stamp.replace(/[^0-9A-Za-z]/g, '');
      for (const [from, name] of [
        [journalPath(hash), `${hash}.${suffix}.journal.jsonl`],
        [specPath(hash), `${hash}.${suffix}.job.json`],
      ] as const) {
        if (await stat(from).catch(() => null)) await rename(from, join(archiveDir, name));
      }
    },
  };
}
