import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultOutcomeMatrix } from '../../../shared/cxone/schemas';
import { ImportSession } from '../../../electron/dispositions/import/import-session';
import { readBatch } from '../../../electron/dispositions/import/read-batch';
import { createUploadStore } from '../../../electron/dispositions/import/upload-store';

describe('file upload in chunks', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dispo-upload-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reassembles the chunks byte for byte and refuses one out of order or a short upload', async () => {
    const uploads = createUploadStore(dir);
    const bytes = Buffer.from('campaign_id,contact_id\r\nc-1,k-1\r\n', 'utf8');
    const id = await uploads.begin('../../etc/evil name.csv', bytes.length);
    await uploads.chunk(id, 0, bytes.subarray(0, 10).toString('base64'));
    await expect(uploads.chunk(id, 20, bytes.subarray(20).toString('base64'))).rejects.toMatchObject({ error: { kind: 'validation' } });
    await uploads.chunk(id, 10, bytes.subarray(10).toString('base64'));
    const { path, fileName } = await uploads.finish(id);
    expect(path.startsWith(dir)).toBe(true);
    expect(fileName).toBe('evil name.csv');
    expect(readFileSync(path)).toEqual(bytes);
    await uploads.discard(id);
    expect(existsSync(path)).toBe(false);

    const short = await uploads.begin('short.csv', 100);
    await uploads.chunk(short, 0, Buffer.from('abc').toString('base64'));
    await expect(uploads.finish(short)).rejects.toMatchObject({ error: { message: expect.stringContaining('Only 3 of 100 bytes') } });
  });
});

describe('batch session', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dispo-session-'));
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

  it('re-reads every row when the person maps a column the suggestion missed', async () => {
    const session = await open('campaign,who,result,agent\nc-1,k-1,INTERESTED,a-1\nc-1,k-2,BUSY,a-1\n');
    const before = session.overview('s', null);
    expect(before.mapping.contactId).toBeNull();
    expect(before.fileProblems).toEqual([expect.stringContaining('contact ID')]);
    expect(before.counts.invalid).toBe(2);
    session.setFieldMapping({ contactId: 'who' });
    const after = session.overview('s', null);
    expect(after.fileProblems).toEqual([]);
    expect(after.counts).toMatchObject({ willApply: 2, invalid: 0 });
    expect(session.toSpec().rows.map((row) => row.contactId)).toEqual(['k-1', 'k-2']);
  });

  it('counts identical rows once and holds back the older of two different rows for one contact', async () => {
    const session = await open(
      'campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp\n' +
        'c-1,k-1,INTERESTED,a-1,2026-11-20T10:00:00Z\n' +
        'c-1,k-1,INTERESTED,a-1,2026-11-20T10:00:00Z\n' +
        'c-1,k-2,NO_ANSWER,a-1,2026-11-20T12:00:00Z\n' +
        'c-1,k-2,BUSY,a-1,2026-11-20T09:00:00Z\n',
    );
    const spec = session.toSpec();
    expect(spec.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(spec.heldBack).toEqual([expect.objectContaining({ line: 5, kind: 'superseded', reason: expect.stringContaining('line 4') })]);
    expect(session.page('will_skip', 0, 10).rows.map((row) => [row.line, row.status])).toEqual([
      [3, 'duplicate'],
      [5, 'superseded'],
    ]);
  });
});
