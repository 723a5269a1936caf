import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleFailure } from '../../../shared/errors';
import { suggestColumnMapping } from '../../../shared/dispositions/column-mapping';
import { readDispositionFile } from '../../../electron/dispositions/reading/read-disposition-file';
import { fixture, problemsOf, readAll, readOptions } from './read-helpers';

const dir = mkdtempSync(join(tmpdir(), 'dispo-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tempFile = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function failureOf(path: string) {
  try {
    await readAll(path);
  } catch (thrown) {
    if (thrown instanceof ConsoleFailure) return thrown.error;
    throw thrown;
  }
  throw new Error('expected the read to fail');
}

describe('readDispositionFile', () => {
  describe.each([['quoting-lf.csv'], ['quoting-crlf-bom.csv']])('%s', (name) => {
    it('reads the header (BOM stripped) and skips blank lines', async () => {
      const { header, rows } = await readAll(fixture(name));
      expect(header.headers[0]).toBe('contact_id');
      expect(header.line).toBe(1);
      expect(rows.map((r) => r.raw['contact_id'])).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
    });

    it('gives each record the physical line it starts on, also after values spanning lines', async () => {
      const { rows } = await readAll(fixture(name));
      expect(rows.map((r) => r.line)).toEqual([2, 4, 7, 10, 11]);
      expect(problemsOf(rows[4])[0]?.message).toMatch(/^Line 11: outcome code "interested"/);
    });

    it('keeps commas, line breaks (as written) and doubled quotes inside quoted values', async () => {
      const { rows } = await readAll(fixture(name));
      const notes = rows.map((r) => (r.result.ok ? r.result.row.notes : undefined));
      const eol = name.includes('crlf') ? '\r\n' : '\n';
      expect(notes[0]).toBe('Called back, wants brochure');
      expect(notes[1]).toBe(`Line one${eol}line two, with comma${eol}line three`);
      expect(notes[2]).toBe('She said "call me Tuesday"');
    });

    it('validates the rows: custom fields, default timestamp, converted offsets', async () => {
      const { rows } = await readAll(fixture(name));
      const valid = rows.flatMap((r) => (r.result.ok ? [r.result.row] : []));
      expect(valid.map((r) => [r.line, r.dispositionTimestamp, r.customFields])).toEqual([
        [2, '2024-06-01T14:30:00.000Z', { lead_score: '85' }],
        [4, '2024-06-01T13:00:00.000Z', undefined],
        [7, '2024-06-02T00:00:00.000Z', { lead_score: '60' }],
        [10, '2024-06-01T16:00:00.000Z', undefined],
      ]);
    });
  });

  it('reads a CRLF file with a BOM like the same file with LF, except the line breaks written inside quoted values', async () => {
    const lf = await readAll(fixture('quoting-lf.csv'));
    const crlf = await readAll(fixture('quoting-crlf-bom.csv'));
    const comparable = (result: (typeof lf.rows)[number]['result']) =>
      result.ok ? { ...result, row: { ...result.row, notes: result.row.notes?.replaceAll('\r\n', '\n'), rowHash: '' } } : result;
    expect(crlf.rows.map((r) => comparable(r.result))).toEqual(lf.rows.map((r) => comparable(r.result)));
    expect(crlf.rows[1]?.raw['notes']).toContain('\r\n');
    expect(crlf.header.encoding).toBe('utf-8');
  });

  it('detects a Windows-1252 file and decodes it instead of producing mojibake', async () => {
    const { header, rows } = await readAll(fixture('windows-1252.csv'));
    expect(header.encoding).toBe('windows-1252');
    expect(rows.map((r) => r.raw['notes'])).toEqual(['Café au lait', 'Herr Müller – später', 'Señor García “VIP”']);
    expect(rows.every((r) => r.result.ok)).toBe(true);
  });

  it('reads UTF-8 accents as they are', async () => {
    const path = tempFile('utf8.csv', 'contact_id,campaign_id,outcome_code,agent_id,notes\nc-1,camp-1,BUSY,a-1,Café Müller Señor\n');
    const { header, rows } = await readAll(path);
    expect(header.encoding).toBe('utf-8');
    expect(rows[0]?.raw['notes']).toBe('Café Müller Señor');
  });

  it('reads characters of two to four bytes cut by every read and decode boundary (256 and 48 KiB) as they are', async () => {
    const notes = (i: number) => `${'€'.repeat(i % 7)}😀${'é'.repeat(i % 5)}, "${i}"`;
    const body = Array.from({ length: 20_000 }, (_, i) => `c-${i},camp-1,BUSY,a-1,"${notes(i).replace(/"/g, '""')}"\n`).join('');
    const bytes = Buffer.from(`contact_id,campaign_id,outcome_code,agent_id,notes\n${body}`);
    const path = tempFile('multibyte-boundaries.csv', bytes);
    const { header, rows } = await readAll(path);
    expect(bytes.length).toBeGreaterThan(4 * 256 * 1024);
    // Some boundary falls inside a character: the first byte at a multiple of 48 KiB that is not a character's first.
    expect(
      Array.from({ length: Math.floor(bytes.length / (48 * 1024)) }, (_, k) => bytes[(k + 1) * 48 * 1024] as number).some((b) => (b & 0xc0) === 0x80),
    ).toBe(true);
    expect(header.encoding).toBe('utf-8');
    expect(rows).toHaveLength(20_000);
    expect(rows.every((row, i) => row.result.ok && row.raw['notes'] === notes(i))).toBe(true);
  });

  it('reads a file whose only non-ASCII byte comes after 64 KiB as Windows-1252, not as broken UTF-8', async () => {
    const valid = Buffer.from(`contact_id,campaign_id,outcome_code,agent_id,notes\n${'c-1,camp-1,BUSY,a-1,fine\n'.repeat(4000)}`);
    const path = tempFile('late-latin1.csv', Buffer.concat([valid, Buffer.from('c-2,camp-1,BUSY,a-1,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const { header, rows } = await readAll(path);
    expect(valid.length).toBeGreaterThan(64 * 1024);
    expect(header.encoding).toBe('windows-1252');
    expect(rows.at(-1)?.raw['notes']).toBe('Café');
    expect(rows.every((r) => r.result.ok)).toBe(true);
  });

  it('refuses only the rows of a UTF-8 file that hold bytes which are not UTF-8, naming the line and column', async () => {
    const path = tempFile(
      'mixed-utf8.csv',
      Buffer.concat([
        Buffer.from('contact_id,campaign_id,outcome_code,agent_id,notes\nc-1,camp-1,BUSY,a-1,Müller\nc-2,camp-1,BUSY,a-1,Caf'),
        Buffer.from([0xe9]),
        Buffer.from('\nc-3,camp-1,BUSY,a-1,Señor\n'),
      ]),
    );
    const { header, rows } = await readAll(path);
    expect(header.encoding).toBe('utf-8');
    expect(rows.map((r) => r.result.ok)).toEqual([true, false, true]);
    expect(problemsOf(rows[1])[0]?.message).toBe(
      'Line 3: column "notes" holds bytes that are not valid UTF-8 (on line 3, shown as \uFFFD) although the rest of the file is UTF-8; retype that value, or save the file as UTF-8 again.',
    );
    expect(rows[2]?.raw['notes']).toBe('Señor');
  });

  it('refuses a row of a Windows-1252 file with a byte that Windows-1252 does not define, and reads the others', async () => {
    const path = tempFile(
      'hole-1252.csv',
      Buffer.concat([
        Buffer.from('contact_id,campaign_id,outcome_code,agent_id,notes\nc-1,camp-1,BUSY,a-1,Caf'),
        Buffer.from([0xe9, 0x0a]),
        Buffer.from('c-2,camp-1,BUSY,a-1,odd '),
        Buffer.from([0x81, 0x0a]),
      ]),
    );
    const { header, rows } = await readAll(path);
    expect(header.encoding).toBe('windows-1252');
    expect(rows.map((r) => r.result.ok)).toEqual([true, false]);
    expect(problemsOf(rows[1])[0]?.message).toBe(
      'Line 3: column "notes" holds bytes that Windows-1252 does not define (on line 3, shown as \uFFFD); the file is not UTF-8, so it is read as Windows-1252. Retype that value, or save the file as UTF-8.',
    );
  });

  it('reads UTF-16 (by its BOM) with quoted CRLF kept, and does not call its zero bytes binary', async () => {
    const text = '\ufeffcontact_id,campaign_id,outcome_code,agent_id,notes\r\nc-1,camp-1,BUSY,a-1,"Zoë\r\n😀"\r\n';
    const path = tempFile('utf16.csv', Buffer.from(text, 'utf16le'));
    const { header, rows } = await readAll(path);
    expect(header.encoding).toBe('utf-16le');
    expect(header.headers[0]).toBe('contact_id');
    expect(rows[0]?.result.ok && rows[0].result.row.notes).toBe('Zoë\r\n😀');
  });

  it('keeps a U+FFFD written as text in a valid UTF-8 file like any other character', async () => {
    const path = tempFile('replacement-char.csv', 'contact_id,campaign_id,outcome_code,agent_id,notes\nc-1,camp-1,BUSY,a-1,unknown glyph \uFFFD here\n');
    const { rows } = await readAll(path);
    expect(rows[0]?.result.ok && rows[0].result.row.notes).toBe('unknown glyph \uFFFD here');
  });

  it('maps header variants and custom columns', async () => {
    const { header, rows } = await readAll(fixture('header-variants.csv'));
    expect(header.mapping.fields).toMatchObject({ contactId: 'Contact ID', campaignId: 'Campaign', outcomeCode: 'Disposition', agentId: 'AGENT-ID' });
    expect(header.suggested.unmapped).toEqual(['Region']);
    const first = rows[0]?.result;
    expect(first?.ok && first.row.customFields).toEqual({ 'Lead Score': '85', source: 'web' });
    const second = rows[1]?.result;
    expect(second?.ok && second.row.customFields).toBeUndefined();
  });

  it('reports a missing required column on every row, naming the field', async () => {
    const { header, rows } = await readAll(fixture('missing-agent-column.csv'));
    expect(header.suggested.missingRequired).toEqual(['agentId']);
    expect(problemsOf(rows[0]).map((p) => [p.line, p.field])).toEqual([[2, 'agentId']]);
  });

  it('validates with the mapping the user chose and says which mapped columns the file lacks', async () => {
    const chosen = suggestColumnMapping(['contact_id', 'campaign_id', 'outcome_code', 'agent_id']).mapping;
    chosen.fields.notes = 'Remarks';
    const { header, rows } = await readAll(fixture('missing-agent-column.csv'), {
      mapping: { ...chosen, fields: { ...chosen.fields, contactId: 'contactId', campaignId: 'campaignId', outcomeCode: 'outcomeCode', agentId: 'notes' } },
    });
    expect(header.fileProblems).toEqual(['The mapping reads the notes from column "Remarks", which this file does not have.']);
    expect(rows[0]?.result.ok && rows[0].result.row.agentId).toBe('no agent column');
  });

  it('reports every kind of bad row with its line and keeps reading', async () => {
    const { rows } = await readAll(fixture('problems.csv'));
    const byLine = new Map(rows.map((r) => [r.line, problemsOf(r).map((p) => p.message)]));
    expect(byLine.get(2)?.[0]).toContain('"INTERESTED!" is not valid');
    expect(byLine.get(3)?.[0]).toContain('did you mean "INTERESTED"');
    expect(byLine.get(4)?.[0]).toContain('"SALE_MADE" is not one of the tenant\'s outcomes');
    expect(byLine.get(5)?.[0]).toContain('is not an ISO-8601 timestamp');
    expect(byLine.get(6)?.[0]).toContain('has no time zone');
    expect(byLine.get(7)).toEqual(['Line 7: has 4 values but the header has 6 columns; check for a missing comma or a line break that splits the row.']);
    expect(byLine.get(8)?.[0]).toMatch(/^Line 8: has 7 values but the header has 6 columns/);
    expect(byLine.get(9)?.length).toBe(2);
    expect(byLine.get(10)).toEqual([]);
    expect(byLine.get(11)?.[0]).toContain('not a real date');
  });

  it("accepts an outcome the tenant's own matrix has", async () => {
    const { rows } = await readAll(fixture('problems.csv'), { outcomeMatrix: ['SALE_MADE', 'BUSY'] });
    expect(rows.find((r) => r.line === 4)?.result.ok).toBe(true);
    expect(problemsOf(rows.find((r) => r.line === 10))[0]?.message).toBeUndefined();
  });

  it('names the line and column where a never-closed quote opened, and keeps the rows before it', async () => {
    const lines = [
      'contact_id,campaign_id,outcome_code,agent_id,notes',
      'c-1,camp-1,BUSY,a-1,ok',
      'c-2,camp-1,BUSY,a-1,"two',
      'lines"',
      'c-3,camp-1,BUSY,a-1,"never closed',
      'c-4,camp-1,BUSY,a-1,lost',
      'c-5,camp-1,BUSY,a-1,lost',
      'c-6,camp-1,BUSY,a-1,lost',
    ];
    const { rows, unread } = await readAll(tempFile('unclosed-5.csv', `${lines.join('\n')}\n`));
    expect(rows.map((r) => [r.line, r.raw['contact_id']])).toEqual([
      [2, 'c-1'],
      [3, 'c-2'],
    ]);
    expect(unread).toEqual({
      type: 'unread',
      line: 5,
      lastLine: 8,
      column: 'notes',
      message:
        'unclosed-5.csv line 5, column 5 ("notes"): a double quote opens a value that is never closed, so lines 5–8 were not read (the rows before it are read); close the quote, or write a quote inside a value as "".',
    });
  });

  it('fails the whole file when the header itself opens a quote it never closes', async () => {
    const error = await failureOf(tempFile('unclosed-header.csv', 'contact_id,"campaign_id,outcome_code\nc-1,camp-1,BUSY\n'));
    expect(error.message).toBe(
      'unclosed-header.csv line 1, column 2: a double quote opens a value that is never closed, so lines 1–2 were not read (nothing was read); close the quote, or write a quote inside a value as "".',
    );
  });

  it('rejects a 5 MB notes value as one row too long, naming its line and the limit, and reads on', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const path = tempFile(
      'oversized.csv',
      `contact_id,campaign_id,outcome_code,agent_id,notes\nc-1,camp-1,BUSY,a-1,ok\nc-2,camp-1,BUSY,a-1,"${big}"\nc-3,camp-1,BUSY,a-1,after\n`,
    );
    const { rows, unread } = await readAll(path);
    expect(unread).toBeUndefined();
    expect(rows.map((r) => [r.line, r.result.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(problemsOf(rows[1]).map((p) => p.message)).toEqual([`Line 3: notes are ${big.length} characters long; at most 4000 are allowed`]);
  });

  it('refuses binary data with the line and column of its first NUL byte', async () => {
    const error = await failureOf(tempFile('calls.xlsx.csv', Buffer.concat([Buffer.from('PK\x03\x04\n'), Buffer.from([0x14, 0x00, 0x06])])));
    expect(error.message).toBe(
      'calls.xlsx.csv is not a CSV text file: it holds binary data (a NUL byte on line 2, column 2); if it is a spreadsheet, save it as CSV first.',
    );
  });

  it('fails on an empty file and on a missing file with typed errors', async () => {
    expect((await failureOf(tempFile('empty.csv', '\n\n'))).message).toBe(
      'empty.csv is empty: it has no header line and no rows; expected a header line (campaign_id, contact_id, outcome_code, agent_id, …) and one row per disposition.',
    );
    expect((await failureOf(join(dir, 'nope.csv'))).kind).toBe('not_found');
  });

  it('reads a file that has only a header as no rows', async () => {
    const { rows } = await readAll(tempFile('header-only.csv', 'contact_id,campaign_id,outcome_code,agent_id\r\n'));
    expect(rows).toEqual([]);
  });

  it('stops with a cancelled error when its signal is aborted', async () => {
    const controller = new AbortController();
    const reading = readDispositionFile(fixture('quoting-lf.csv'), readOptions({ signal: controller.signal }));
    await reading.next();
    controller.abort();
    await expect(reading.next()).rejects.toMatchObject({ error: { kind: 'cancelled' } });
  });

  it('reports progress up to the whole file and the rows read', async () => {
    const progress: { bytesRead: number; totalBytes: number; rows: number }[] = [];
    await readAll(fixture('quoting-lf.csv'), { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ bytesRead: 431, totalBytes: 431, rows: 5 });
  });
});

describe('line endings and blank rows', () => {
  it('skips rows of only separators and counts lines alike for CR, LF and CRLF mixed in one file, keeping quoted ones as written', async () => {
    const path = tempFile(
      'mixed.csv',
      'contact_id,campaign_id,outcome_code,agent_id,notes\r\nc-1,camp-1,BUSY,a-1,x\n,,,\rc-2,camp-1,BUSY,a-1,"a\rb"\r\n\r\nc-3,camp-1,BUSY,a-1,"c\r\nd\ne"\nc-4,camp-1,BUSY,a-1,y',
    );
    const { rows } = await readAll(path);
    expect(rows.map((r) => [r.line, r.raw['contact_id']])).toEqual([
      [2, 'c-1'],
      [4, 'c-2'],
      [7, 'c-3'],
      [10, 'c-4'],
    ]);
    expect(rows.map((r) => r.raw['notes'])).toEqual(['x', 'a\rb', 'c\r\nd\ne', 'y']);
  });
});
