import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultOutcomeMatrix } from '../../../shared/cxone/schemas';
import { ImportSession } from '../../../electron/dispositions/import/import-session';
import { readBatch } from '../../../electron/dispositions/import/read-batch';

describe('batch session of a file that cannot be read to the end, or had spaces trimmed', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dispo-broken-session-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = async (text: string) => {
    const path = join(dir, 'f.csv');
    writeFileSync(path, text);
    return new ImportSession('s', await readBatch(path, { fileName: 'f.csv', outcomeMatrix: defaultOutcomeMatrix }), {
      codes: [...defaultOutcomeMatrix],
      source: 'default',
    });
  };

  it('shows the line where reading stopped as one row that cannot be edited, keeps the rows before it, and holds that line back as not read', async () => {
    const session = await open('campaign_id,contact_id,outcome_code,agent_id,notes\nc-1,k-1,BUSY,a-1,ok\nc-1,k-2,BUSY,a-1,"open\nc-1,k-3,BUSY,a-1,lost\n');
    const overview = session.overview('s', null);
    expect(overview.unread).toMatchObject({ line: 3, lastLine: 4 });
    expect(overview.fileProblems).toEqual([]);
    expect(overview.counts).toMatchObject({ total: 2, willApply: 1, invalid: 1 });
    const rows = session.page('all', 0, 10).rows;
    expect(rows.map((row) => [row.line, row.status, row.unread ?? false])).toEqual([
      [2, 'will_apply', false],
      [3, 'invalid', true],
    ]);
    expect(rows[1]?.problems[0]?.message).toMatch(
      /^f\.csv line 3, column 5 \("notes"\): a double quote opens a value that is never closed, so lines 3–4 were not read/,
    );
    expect(session.edit(3, 'notes', 'closed')).toEqual({
      ok: false,
      reason: 'Line 3 and the lines after it were not read; fix the file where it says and open it again.',
    });
    const spec = session.toSpec();
    expect(spec.rows.map((row) => row.line)).toEqual([2]);
    expect(spec.heldBack).toEqual([{ line: 3, campaignId: '', contactId: '', outcomeCode: '', kind: 'rejected', reason: rows[1]?.problems[0]?.message }]);
  });

  it('notes each identifier that had spaces around it, on the row and in the spec the report is built from', async () => {
    const session = await open('campaign_id,contact_id,outcome_code,agent_id,notes\nc-1, k-1 ,BUSY,a-1, kept \n');
    const [row] = session.page('all', 0, 10).rows;
    expect(row?.note).toBe('Line 2: the contact ID in the file is " k-1 ", with spaces around it; it is sent as "k-1".');
    const spec = session.toSpec();
    expect(spec.rows[0]).toMatchObject({ contactId: 'k-1', notes: ' kept ' });
    expect(spec.notices).toEqual([{ line: 2, campaignId: 'c-1', contactId: 'k-1', message: row?.note }]);
  });

  it('says a file with only a header has no rows, and blocks applying it', async () => {
    const session = await open('campaign_id,contact_id,outcome_code,agent_id\r\n');
    expect(session.overview('s', null).fileProblems).toEqual([
      'f.csv has no rows: its header (line 1) is followed by no disposition, so there is nothing to import.',
    ]);
  });
});
