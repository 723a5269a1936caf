import { auditEntrySchema, genesisHash } from '../../shared/audit/audit-entry';
import type { AuditChainProblem, AuditChainReport } from '../../shared/audit/audit-chain';
import { listLogFiles, readAnchor, type AuditAnchor } from './audit-files';
import { expectedHash } from './entry-hash';
import { readLinesForward } from './jsonl-files';

interface ReadLine {
  file: string;
  line: number;
  /** The parsed entry as written (unknown members kept, so an added field changes the hash), or null when unparseable. */
  raw: Record<string, unknown> | null;
  seq: number;
  hash: string;
  prevHash: string;
}

async function* linesOldestFirst(dir: string): AsyncGenerator<ReadLine> {
  const files = (await listLogFiles(dir)).reverse();
  for (const file of files) {
    for await (const { text, number } of readLinesForward(file.path)) {
      let raw: Record<string, unknown> | null = null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (auditEntrySchema.safeParse(parsed).success) raw = parsed as Record<string, unknown>;
      } catch {
        raw = null;
      }
      yield {
        file: file.name,
        line: number,
        raw,
        seq: raw ? Number(raw.seq) : Number.NaN,
        hash: raw ? String(raw.hash) : '',
        prevHash: raw ? String(raw.prevHash) : '',
      };
    }
  }
}

const readAnchorOrNull = (dir: string): Promise<AuditAnchor | null> => readAnchor(dir).catch(() => null);

const messages: Record<AuditChainProblem, (seq: number) => string> = {
  altered: (seq) => `Audit entry ${seq} was changed after it was written.`,
  removed: (seq) => `Audit entry ${seq} is missing: a line or a whole file was deleted.`,
  reordered: (seq) => `Audit entry ${seq} is out of order: lines were moved or duplicated.`,
  unparseable: (seq) => `Audit entry ${seq} cannot be read: the line is not a valid audit entry.`,
};

const problemAt = (problem: AuditChainProblem, firstBadSeq: number, at: { file: string; line: number }): AuditChainReport => ({
  ok: false,
  firstBadSeq,
  file: at.file,
  line: at.line,
  problem,
  message: messages[problem](firstBadSeq),
});

/**
 * Walks every kept audit file from oldest to newest and checks each entry's own hash,
 * the sequence numbers and the prevHash links; reports the first entry altered or removed.
 *
 * The oldest kept file usually starts after entries that rotation deleted: its first entry
 * is matched against `audit.anchor.json` (seq and hash of the newest deleted entry) instead
 * of the genesis hash. Known limits: an unkeyed hash chain cannot tell that the newest entries
 * were cut off the end, nor resist someone who rewrites every later entry and the anchor.
 */
export async function verifyAuditChain(dir: string): Promise<AuditChainReport> {
  const anchor = await readAnchorOrNull(dir);
  const lines = linesOldestFirst(dir);
  let prev: ReadLine | null = null;
  let lookahead: ReadLine | null = null;
  let entries = 0;
  const pull = async (): Promise<ReadLine | null> => {
    if (lookahead) {
      const next = lookahead;
      lookahead = null;
      return next;
    }
    const next = await lines.next();
    return next.done ? null : next.value;
  };

  for (let current = await pull(); current !== null; current = await pull()) {
    const expectedSeq = prev ? prev.seq + 1 : null;
    if (!current.raw) return problemAt('unparseable', expectedSeq ?? (anchor ? anchor.seq + 1 : 1), current);
    if (expectedHash(current.raw) !== current.hash) return problemAt('altered', expectedSeq ?? current.seq, current);

    if (prev === null) {
      if (current.seq === 1) {
        if (current.prevHash !== genesisHash) return problemAt('altered', 1, current);
      } else if (anchor && current.seq === anchor.seq + 1) {
        if (current.prevHash !== anchor.hash) return problemAt('altered', current.seq, current);
      } else if (!anchor || current.seq > anchor.seq + 1) {
        return problemAt('removed', anchor ? anchor.seq + 1 : 1, current);
      }
      // Otherwise the entry is older than the anchor: rotation stopped between writing the anchor and deleting the file.
    } else if (current.seq > prev.seq + 1) {
      lookahead = await pull();
      const displaced = lookahead?.raw && lookahead.seq === prev.seq + 1;
      return problemAt(displaced ? 'reordered' : 'removed', prev.seq + 1, current);
    } else if (current.seq <= prev.seq) {
      return problemAt('reordered', current.seq, current);
    } else if (current.prevHash !== prev.hash) {
      return problemAt('altered', prev.seq, prev);
    }
    if (anchor && current.seq === anchor.seq && current.hash !== anchor.hash) return problemAt('altered', current.seq, current);
    prev = current;
    entries += 1;
  }
  return { ok: true, entries };
}
