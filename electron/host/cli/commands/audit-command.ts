import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { AuditKeptFrom } from '../../../../shared/audit/audit-chain';
import { defaultAuditQueryLimit } from '../../../../shared/audit/audit-query';
import { checkAuditFolder, exportAuditFolderCsv, listAuditFolder } from '../../../audit/audit-folder';
import { exitCodes, type CliCommandModule, type CliContext } from '../cli-context';
import { writeJson, writeLines } from '../io';
import { formatTable } from '../table';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const limitOption = (raw: string): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new InvalidArgumentError('--limit must be a whole number above 0.');
  return value;
};

const auditDir = (context: CliContext) => join(context.dataDir(), 'audit');

/** Where the kept history begins when older entries were removed on purpose. */
const keptFromText = (keptFrom: AuditKeptFrom | undefined): string => {
  if (!keptFrom) return '';
  const why = keptFrom.removedBy === 'retention' ? 'removed by the retention setting' : 'deleted by the rotation of an older version';
  return `; kept history begins at entry ${keptFrom.seq} (older entries ${why}${keptFrom.at ? `, ${keptFrom.at}` : ''})`;
};

/** `cxone-console audit …`: the data folder's audit log, read without writing to it. */
export const auditCommand: CliCommandModule = {
  register(program: Command, context, run) {
    const audit = program.command('audit').description('The audit log in CXONE_DATA_DIR/audit');

    audit
      .command('verify')
      .description(
        'Check the hash chain across every file, compressed ones too: exit 0 when intact, 1 naming the first altered, removed, reordered or missing entry (seq, file, line), or a torn last line',
      )
      .option('--json', 'print one JSON document')
      .action(
        run(async (flags: { json?: boolean }) => {
          const dir = auditDir(context);
          const { report, files } = await checkAuditFolder(dir);
          if (flags.json) writeJson(context.io, { ...report, files, dir });
          else if (report.ok)
            writeLines(context.io, [
              `Audit chain intact: ${plural(report.entries, 'entry', 'entries')} in ${plural(files, 'file', 'files')}${keptFromText(report.keptFrom)}.`,
            ]);
          else
            writeLines(context.io, [
              `Audit chain broken at entry ${report.firstBadSeq} (${report.file || dir}${report.line > 0 ? `, line ${report.line}` : ''}): ${report.message}`,
            ]);
          return report.ok ? exitCodes.success : exitCodes.someFailed;
        }),
      );

    audit
      .command('list')
      .description('The newest entries, newest first, as an aligned table (or a JSON array with --json)')
      .option('--limit <n>', `how many entries (default ${defaultAuditQueryLimit})`, limitOption)
      .option('--campaign <id>', 'only entries about this campaign')
      .option('--json', 'print a JSON array of entries')
      .action(
        run(async (flags: { limit?: number; campaign?: string; json?: boolean }) => {
          const entries = await listAuditFolder(auditDir(context), {
            limit: flags.limit ?? defaultAuditQueryLimit,
            ...(flags.campaign ? { campaignId: flags.campaign } : {}),
          });
          if (flags.json) writeJson(context.io, entries);
          else if (entries.length === 0) writeLines(context.io, ['No audit entries.']);
          else
            writeLines(
              context.io,
              formatTable(entries, [
                { title: 'SEQ', value: (e) => e.seq, align: 'right' },
                { title: 'AT', value: (e) => e.at },
                { title: 'ACTOR', value: (e) => `${e.actor.type}:${e.actor.name}` },
                { title: 'ACTION', value: (e) => e.action },
                { title: 'TARGET', value: (e) => e.target.name ?? e.target.id },
                { title: 'OUTCOME', value: (e) => e.outcome },
              ]),
            );
          return exitCodes.success;
        }),
      );

    audit
      .command('export')
      .description('Write every entry as CSV (RFC 4180; cells that a spreadsheet would run as a formula are neutralised)')
      .requiredOption('--csv <file>', 'the CSV file to write')
      .action(
        run(async (flags: { csv: string }) => {
          const path = resolve(flags.csv);
          const partial = `${path}.partial`;
          try {
            // Written under a temporary name: a half-written export never carries the final one.
            const { rows } = await exportAuditFolderCsv(auditDir(context), {}, createWriteStream(partial));
            await rename(partial, path);
            writeLines(context.io, [`Exported ${plural(rows, 'entry', 'entries')} to ${path}.`]);
            return exitCodes.success;
          } finally {
            await rm(partial, { force: true });
          }
        }),
      );
  },
};
