import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { automationDecisionSchema, type AutomationDecision, type AutomationRuleId } from '../../shared/automation/automation-rules';
import { appendSynced, writeFileAtomic } from '../files/durable-files';
import { isMissing, readLinesBackward } from '../files/jsonl-files';

export interface DecisionHistory {
  append(decisions: readonly AutomationDecision[]): Promise<void>;
  /** The newest first, at most `limit`; lines that do not parse are skipped. */
  newest(limit: number, stopBefore?: (decision: AutomationDecision) => boolean): Promise<AutomationDecision[]>;
}

export interface DecisionHistoryOptions {
  dir: string;
  ruleId: AutomationRuleId;
  /** Past this many decisions the oldest are dropped, down to `keepLines` (default 5000 → 4000). */
  maxLines?: number;
  keepLines?: number;
}

const parseDecision = (line: string): AutomationDecision | null => {
  try {
    const parsed = automationDecisionSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** A rule's decisions as JSON lines (`<ruleId>.decisions.jsonl`), capped so a rule that runs for months keeps a bounded file. */
export function createDecisionHistory(options: DecisionHistoryOptions): DecisionHistory {
  const path = join(options.dir, `${options.ruleId}.decisions.jsonl`);
  const maxLines = options.maxLines ?? 5000;
  const keepLines = options.keepLines ?? 4000;
  let lineCount: number | null = null;

  const readAll = async (): Promise<string[]> => {
    try {
      return (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  };

  return {
    async append(decisions) {
      if (decisions.length === 0) return;
      await mkdir(options.dir, { recursive: true });
      lineCount ??= (await readAll()).length;
      const handle = await open(path, 'a');
      try {
        await appendSynced(handle, decisions.map((decision) => `${JSON.stringify(decision)}\n`).join(''));
      } finally {
        await handle.close();
      }
      lineCount += decisions.length;
      if (lineCount > maxLines) {
        const kept = (await readAll()).slice(-keepLines);
        await writeFileAtomic(path, kept.map((line) => `${line}\n`).join(''));
        lineCount = kept.length;
      }
    },
    async newest(limit, stopBefore) {
      let handle;
      try {
        handle = await open(path, 'r');
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      const found: AutomationDecision[] = [];
      try {
        const { size } = await handle.stat();
        for await (const line of readLinesBackward(handle, size)) {
          const decision = parseDecision(line);
          if (!decision) continue;
          if (stopBefore?.(decision)) break;
          found.push(decision);
          if (found.length >= limit) break;
        }
      } finally {
        await handle.close();
      }
      return found;
    },
  };
}
