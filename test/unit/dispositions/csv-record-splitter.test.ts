import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter } from '../../../electron/dispositions/reading/csv-record-splitter';

/** What the reader's csv-parse options make of `text`: the records before any error, and whether it failed. */
function csvParseRecords(text: string): { records: string[][]; failed: boolean } {
  const records: string[][] = [];
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[]) => {
        records.push(record);
        return record;
      },
    });
    return { records, failed: false };
  } catch {
    return { records, failed: true };
  }
}

function split(text: string, cuts: number[], maxRecordChars = 1 << 20): { records: string[][]; stopped: boolean } {
  const splitter = new CsvRecordSplitter(maxRecordChars);
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (!splitter.push(text.slice(from, cut), (record) => records.push(record))) return { records, stopped: true };
    from = cut;
  }
  const going = splitter.end((record) => records.push(record));
  return { records, stopped: !going };
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = ['a', 'bc', ',', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '😀', '"x,y"', '"l1\nl2"', '"q""q"', '\ufeff'];

describe('CsvRecordSplitter reads what csv-parse reads, or stops', () => {
  it('agrees with csv-parse on 10,000 generated texts cut into random chunks', () => {
    const next = random(14);
    let fastReads = 0;
    for (let round = 0; round < 10_000; round += 1) {
      const length = Math.floor(next() * 24);
      let text = '';
      for (let i = 0; i < length; i += 1) text += pieces[Math.floor(next() * pieces.length)];
      const cuts = Array.from({ length: Math.floor(next() * 4) }, () => Math.floor(next() * (text.length + 1))).sort((a, b) => a - b);
      const expected = csvParseRecords(text);
      const actual = split(text, cuts);
      // Whatever it hands out before stopping is exactly csv-parse's first records.
      expect(actual.records, JSON.stringify({ text, cuts })).toEqual(expected.records.slice(0, actual.records.length));
      if (!actual.stopped) {
        fastReads += 1;
        expect(expected.failed, JSON.stringify(text)).toBe(false);
        expect(actual.records, JSON.stringify({ text, cuts })).toEqual(expected.records);
      }
    }
    // Most texts are plain enough for the fast path; the test would prove nothing if it always stopped.
    expect(fastReads).toBeGreaterThan(1_500);
  });

  it('reads quoted CR, LF and CRLF as written, doubled quotes as one, and each of the three as a record end', () => {
    const text = '\ufeffa,b\r\n"x\ry","p""q"\n"l1\r\nl2",\r\n\rlast,"\n"';
    expect(split(text, [3, 9, 17]).records).toEqual([['a', 'b'], ['x\ry', 'p"q'], ['l1\r\nl2', ''], [''], ['last', '\n']]);
  });

  it('stops at a quote inside an unquoted value, text after a closing quote, a quote never closed, and a record past the limit', () => {
    expect(split('a,b\n5" tall,c\n', [])).toEqual({ records: [['a', 'b']], stopped: true });
    expect(split('a,b\n"x"y,c\n', [])).toEqual({ records: [['a', 'b']], stopped: true });
    expect(split('a,b\n"open,c\n', [5])).toEqual({ records: [['a', 'b']], stopped: true });
    expect(split('a,b\nccccccccc\n', [6], 8)).toEqual({ records: [['a', 'b']], stopped: true });
  });
});
