import { stat } from 'node:fs/promises';
import { auditEntrySchema, genesisHash } from '../../shared/audit/audit-entry';
import type { AuditChainProblem, AuditChainReport, AuditKeptFrom } from '../../shared/audit/audit-chain';
import { currentLogName, headName, listLogFiles, readAnchor, readHead, type AuditAnchor, type ChainPoint, type LogFile } from './audit-files';
import { expectedHash } from './entry-hash';
import { readLastByte, readLinesForward } from '../files/jsonl-files';
import { checkpointOf, type RetentionCheckpoint } from './audit-retention';

interface ReadLine {
  file: LogFile;
  line: number;
  /** The parsed entry as written (unknown members kept, so an added field changes the hash), or null when unparseable. */
  raw: Record<string, unknown> | null;
  /** Why a whole file could not be read (e.g. a damaged compressed file). */
  unreadable?: string;
  seq: number;
  hash: string;
  prevHash: string;
}

async function* linesOldestFirst(files: LogFile[]): AsyncGenerator<ReadLine> {
  for (const file of [...files].reverse()) {
    let last = 0;
    try {
      for await (const { text, number } of readLinesForward(file.path, file.compressed)) {
        last = number;
        let raw: Record<string, unknown> | null = null;
        try {
          const parsed: unknown = JSON.parse(text);
          if (auditEntrySchema.safeParse(parsed).success) raw = parsed as Record<string, unknown>;
        } catch {
          raw = null;
        }
        yield {
          file,
          line: number,
          raw,
          seq: raw ? Number(raw.seq) : Number.NaN,
          hash: raw ? String(raw.hash) : '',
          prevHash: raw ? String(raw.prevHash) : '',
        };
      }
    } catch (error) {
      yield { file, line: last + 1, raw: null, unreadable: error instanceof Error ? error.message : String(error), seq: Number.NaN, hash: '', prevHash: '' };
    }
  }
}

const orNull = <T>(read: Promise<T | null>): Promise<T | null> => read.catch(() => null);

/** True when the current file's last byte is not a newline: its last line was cut short by a crash. */
async function currentEndsTorn(files: LogFile[]): Promise<boolean> {
  const current = files.find((file) => file.name === currentLogName);
  if (!current) return false;
  return (await readLastByte(current.path)) !== 0x0a;
}

const messages: Record<Exclude<AuditChainProblem, 'torn' | 'missing'>, (seq: number) => string> = {
  altered: (seq) => `Audit entry ${seq} was changed after it was written.`,
  removed: (seq) => `Audit entry ${seq} is missing: a line or a whole file was deleted.`,
  reordered: (seq) => `Audit entry ${seq} is out of order: lines were moved or duplicated.`,
  unparseable: (seq) => `Audit entry ${seq} cannot be read: the line is not a valid audit entry.`,
};

const problem = (kind: AuditChainProblem, firstBadSeq: number, file: string, line: number, message: string): AuditChainReport => ({
  ok: false,
  firstBadSeq,
  file,
  line,
  problem: kind,
  message,
});

const problemAt = (kind: Exclude<AuditChainProblem, 'torn' | 'missing'>, firstBadSeq: number, at: { file: LogFile; line: number }): AuditChainReport =>
  problem(kind, firstBadSeq, at.file.name, at.line, messages[kind](firstBadSeq));

/**
 * Where the oldest kept entry may begin: seq 1, after the entry an older version's rotation
 * deleted (the anchor), or where a retention checkpoint says the kept history begins.
 */
function judgeStart(
  first: ReadLine,
  anchor: AuditAnchor | null,
  checkpoints: Map<number, RetentionCheckpoint & { at: string }>,
): { ok: true; keptFrom?: AuditKeptFrom } | { ok: false; report: AuditChainReport } {
  if (first.seq === 1) return first.prevHash === genesisHash ? { ok: true } : { ok: false, report: problemAt('altered', 1, first) };
  const checkpoint = checkpoints.get(first.seq);
  if (checkpoint) {
    return first.prevHash === checkpoint.continuesFrom
      ? { ok: true, keptFrom: { seq: first.seq, removedBy: 'retention', at: checkpoint.at } }
      : { ok: false, report: problemAt('altered', first.seq, first) };
  }
  // A retention run stopped between its checkpoint and the last removal: more is kept than promised.
  const later = [...checkpoints.values()].filter((point) => point.firstKeptSeq > first.seq).sort((a, b) => a.firstKeptSeq - b.firstKeptSeq)[0];
  if (later) return { ok: true, keptFrom: { seq: first.seq, removedBy: 'retention', at: later.at } };
  if (anchor && first.seq === anchor.seq + 1) {
    return first.prevHash === anchor.hash
      ? { ok: true, keptFrom: { seq: first.seq, removedBy: 'rotation', at: anchor.at } }
      : { ok: false, report: problemAt('altered', first.seq, first) };
  }
  // Older than the anchor: an older version's rotation stopped between writing the anchor and deleting the file.
  if (anchor && first.seq <= anchor.seq) return { ok: true, keptFrom: { seq: first.seq, removedBy: 'rotation', at: anchor.at } };
  return { ok: false, report: problemAt('removed', anchor ? anchor.seq + 1 : 1, first) };
}

function missingFromHead(head: ChainPoint, last: ReadLine | null): AuditChainReport {
  const from = last ? last.seq + 1 : 1;
  const where = last ? `the log ends at entry ${last.seq}` : 'no log file holds any entry';
  return problem(
    'missing',
    from,
    last?.file.name ?? headName,
    0,
    `Audit entries ${from} to ${head.seq} are missing: they were written (${headName} names entry ${head.seq}, ${head.at}) but ${where}; files were deleted or cut short.`,
  );
}

/**
 * Walks every kept audit file (compressed or not) from oldest to newest and checks each entry's
 * own hash, the sequence numbers and the prevHash links; reports the first entry altered or removed.
 *
 * The oldest kept entry must be seq 1, or begin where a retention checkpoint in the chain says the
 * kept history begins (or, for folders older versions rotated, right after their anchor). History
 * the head (`audit.head.json`, the newest entry ever written) says exists must be there: deleting
 * every file, or the folder, or the newest entries, is reported. A torn last line (a crash while
 * writing) is reported as such. Known limit: an unkeyed chain does not resist someone who rewrites
 * every later entry and the head.
 */
export async function verifyAuditChain(dir: string): Promise<AuditChainReport> {
  if ((await stat(dir).catch(() => null)) === null) {
    return problem('missing', 1, '', 0, `There is no audit folder at ${dir}: it was deleted or moved, or the console never ran with this data folder.`);
  }
  const [anchor, head, files] = [await orNull(readAnchor(dir)), await orNull(readHead(dir)), await listLogFiles(dir)];
  const endsTorn = await currentEndsTorn(files);
  const lines = linesOldestFirst(files);
  const checkpoints = new Map<number, RetentionCheckpoint & { at: string }>();
  let first: ReadLine | null = null;
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
  // A problem further on is only reported once the start is known to be sound: the start's problem comes first.
  const startThen = (later: AuditChainReport): AuditChainReport => {
    if (first) {
      const start = judgeStart(first, anchor, checkpoints);
      if (!start.ok) return start.report;
    }
    return later;
  };

  for (let current = await pull(); current !== null; current = await pull()) {
    const expectedSeq = prev ? prev.seq + 1 : anchor ? anchor.seq + 1 : 1;
    if (!current.raw) {
      if (current.unreadable) {
        return startThen(
          problem(
            'unparseable',
            expectedSeq,
            current.file.name,
            current.line,
            `${current.file.name} cannot be read (${current.unreadable}): entries from ${expectedSeq} on are in it.`,
          ),
        );
      }
      lookahead = await pull();
      if (lookahead === null && current.file.name === currentLogName && endsTorn) {
        return startThen(
          problem(
            'torn',
            expectedSeq,
            current.file.name,
            current.line,
            `The last line of ${currentLogName} (line ${current.line}) is incomplete: a crash while writing entry ${expectedSeq}, which was never confirmed. The next append keeps it aside and continues the chain.`,
          ),
        );
      }
      return startThen(problemAt('unparseable', expectedSeq, current));
    }
    if (expectedHash(current.raw) !== current.hash) return startThen(problemAt('altered', prev ? expectedSeq : current.seq, current));

    if (prev === null) {
      first = current;
      if (current.seq === 1 && current.prevHash !== genesisHash) return problemAt('altered', 1, current);
    } else if (current.seq > prev.seq + 1) {
      lookahead = await pull();
      const displaced = lookahead?.raw && lookahead.seq === prev.seq + 1;
      return startThen(problemAt(displaced ? 'reordered' : 'removed', prev.seq + 1, current));
    } else if (current.seq <= prev.seq) {
      return startThen(problemAt('reordered', current.seq, current));
    } else if (current.prevHash !== prev.hash) {
      return startThen(problemAt('altered', prev.seq, prev));
    }
    if (anchor && current.seq === anchor.seq && current.hash !== anchor.hash) return startThen(problemAt('altered', current.seq, current));
    if (head && current.seq === head.seq && current.hash !== head.hash) return startThen(problemAt('altered', current.seq, current));
    const checkpoint = checkpointOf(current.raw);
    if (checkpoint) checkpoints.set(checkpoint.firstKeptSeq, { ...checkpoint, at: String(current.raw.at) });
    prev = current;
    entries += 1;
  }
  if (first) {
    const start = judgeStart(first, anchor, checkpoints);
    if (!start.ok) return start.report;
    if (head && head.seq > prev!.seq) return missingFromHead(head, prev);
    return start.keptFrom ? { ok: true, entries, keptFrom: start.keptFrom } : { ok: true, entries };
  }
  if (head) return missingFromHead(head, null);
  return { ok: true, entries };
}
