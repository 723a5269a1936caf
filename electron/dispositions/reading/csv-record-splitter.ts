import { fieldValues, type RecordBounds } from '../../../shared/dispositions/record-bounds';

const quote = 34;
const comma = 44;
const lf = 10;
const cr = 13;
// Past any string V8 makes, and a small integer (a double here would deoptimise the loop).
const none = 0x3fffffff;

const incomplete = -1;
const irregular = -2;

/** Gets each record as where its values lie in `text` (see RecordBounds), valid only during the call. */
export type BoundsSink = (text: string, bounds: RecordBounds, breaks: number) => void;

/**
 * The fast path of reading a disposition file: splits decoded text into records with indexOf jumps,
 * the way csv-parse reads them with this app's options (RFC 4180 quoting, CRLF, LF and a lone CR
 * each ending a record, a BOM skipped, rows of any length). It only reads what it is sure of: at the
 * first thing csv-parse might read differently or refuse (a quote inside an unquoted value, text
 * after a closing quote, a quote never closed, a record past the size limit) it stops and says so,
 * and the reader hands the file from that record on to csv-parse.
 *
 * Records are handed out as bounds into the text (no string per value), so a consumer that needs
 * only a few values of a record reads them in place; fieldValues() makes the strings.
 */
export class CsvRecordSplitter {
  private carry = '';
  private started = false;
  private readonly bounds: RecordBounds = { count: 0, at: new Int32Array(3 * 64) };
  /** Records handed out so far (blank lines included: each is a record of one empty value). */
  records = 0;
  /** Set once the text is no longer plain CSV: nothing more is read. */
  stopped = false;

  constructor(private readonly maxRecordChars: number) {}

  /** Hands out every complete record of `text` (after what earlier calls kept); false once stopped. */
  push(text: string, onRecord: (fields: string[], breaks: number) => void): boolean {
    return this.split(text, false, valuesSink(onRecord));
  }

  /** The end of the text: the last record needs no line break. */
  end(onRecord: (fields: string[], breaks: number) => void): boolean {
    return this.split('', true, valuesSink(onRecord));
  }

  /** push(), each record as bounds. */
  pushBounds(text: string, onRecord: BoundsSink): boolean {
    return this.split(text, false, onRecord);
  }

  /** end(), each record as bounds. */
  endBounds(onRecord: BoundsSink): boolean {
    return this.split('', true, onRecord);
  }

  private field(start: number, end: number, escaped: boolean) {
    const bounds = this.bounds;
    const at = 3 * bounds.count;
    if (at + 3 > bounds.at.length) {
      const next = new Int32Array(bounds.at.length * 2);
      next.set(bounds.at);
      bounds.at = next;
    }
    bounds.at[at] = start;
    bounds.at[at + 1] = end;
    bounds.at[at + 2] = escaped ? 1 : 0;
    bounds.count += 1;
  }

  private split(text: string, final: boolean, onRecord: BoundsSink): boolean {
    if (this.stopped) return false;
    let s = this.carry + text;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    const bounds = this.bounds;
    let nextComma = -1;
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    const find = (char: string, from: number) => {
      const at = s.indexOf(char, from);
      return at === -1 ? none : at;
    };
    let start = 0;
    while (start < n) {
      bounds.count = 0;
      let breaks = 0;
      let pos = start;
      let end = incomplete;
      for (;;) {
        if (pos >= n) {
          if (!final) break;
          this.field(n, n, false);
          end = n;
          break;
        }
        const c = s.charCodeAt(pos);
        let after: number;
        if (c === quote) {
          let from = pos + 1;
          let escaped = false;
          let closing = -1;
          for (;;) {
            const q = s.indexOf('"', from);
            if (q === -1) break;
            if (q + 1 >= n && !final) break;
            if (s.charCodeAt(q + 1) === quote) {
              escaped = true;
              from = q + 2;
              continue;
            }
            closing = q;
            break;
          }
          if (closing === -1) {
            end = final ? irregular : incomplete;
            break;
          }
          if (nextLf < pos) nextLf = find('\n', pos);
          if (nextCr < pos) nextCr = find('\r', pos);
          if (nextLf < closing || nextCr < closing) breaks += lineBreaks(s, pos + 1, closing);
          this.field(pos + 1, closing, escaped);
          after = closing + 1;
          if (after < n) {
            const next = s.charCodeAt(after);
            if (next !== comma && next !== lf && next !== cr) {
              end = irregular;
              break;
            }
          }
        } else {
          if (nextComma < pos) nextComma = find(',', pos);
          if (nextLf < pos) nextLf = find('\n', pos);
          if (nextCr < pos) nextCr = find('\r', pos);
          if (nextQuote < pos) nextQuote = find('"', pos);
          after = nextComma < nextLf ? nextComma : nextLf;
          if (nextCr < after) after = nextCr;
          if (after === none) {
            if (!final) break;
            after = n;
          }
          // csv-parse (relax_quotes) keeps a quote inside an unquoted value as text; it decides such rows.
          if (nextQuote < after) {
            end = irregular;
            break;
          }
          this.field(pos, after, false);
        }
        if (after >= n) {
          if (!final) break;
          end = n;
          break;
        }
        const delimiter = s.charCodeAt(after);
        if (delimiter === comma) {
          pos = after + 1;
          continue;
        }
        if (delimiter === lf) {
          end = after + 1;
          break;
        }
        // A CR at the end of the text may be the first half of a CRLF.
        if (after + 1 >= n && !final) break;
        end = s.charCodeAt(after + 1) === lf ? after + 2 : after + 1;
        break;
      }
      if (end === irregular || (end === incomplete && n - start > this.maxRecordChars) || (end >= 0 && end - start > this.maxRecordChars)) {
        this.stopped = true;
        this.carry = '';
        return false;
      }
      if (end === incomplete) break;
      this.records += 1;
      onRecord(s, bounds, breaks);
      start = end;
    }
    this.carry = start < n ? s.slice(start) : '';
    return true;
  }
}

const valuesSink =
  (onRecord: (fields: string[], breaks: number) => void): BoundsSink =>
  (text, bounds, breaks) =>
    onRecord(fieldValues(text, bounds), breaks);

/** Each CRLF, LF or lone CR inside a quoted value makes the record span one more line. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code === lf || (code === cr && (at + 1 >= to || text.charCodeAt(at + 1) !== lf))) count += 1;
  }
  return count;
}
