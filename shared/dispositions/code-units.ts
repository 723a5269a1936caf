/**
 * Text as a file scan reads values in place: a string, or its UTF-16 code units. A worker thread
 * that tallies rows gets the code units (a transferred buffer): strings shipped to it would fill
 * its heap, where the buffer costs it nothing.
 */
export type CodeUnits = string | Uint16Array;

export function codeAt(text: CodeUnits, at: number): number {
  return typeof text === 'string' ? text.charCodeAt(at) : (text[at] as number);
}

/** text[from, to) as a string. */
export function sliceOf(text: CodeUnits, from: number, to: number): string {
  if (typeof text === 'string') return text.slice(from, to);
  let value = '';
  // In blocks: String.fromCharCode takes each code unit as an argument.
  for (let at = from; at < to; at += 8192) value += String.fromCharCode(...text.subarray(at, Math.min(to, at + 8192)));
  return value;
}
