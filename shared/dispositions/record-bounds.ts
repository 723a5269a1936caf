/**
 * A CSV record as where its values lie in the text it was read from: value i is
 * text[at[3i], at[3i + 1]), and at[3i + 2] is 1 when that stretch holds doubled quotes
 * (`""`, one `"` of the value each). Reading values in place spares a string per value.
 */
export interface RecordBounds {
  count: number;
  at: Int32Array;
}

/** Value `index` of the record as a string. */
export function fieldValue(text: string, bounds: RecordBounds, index: number): string {
  const at = 3 * index;
  const value = text.slice(bounds.at[at], bounds.at[at + 1]);
  return bounds.at[at + 2] === 1 ? value.replaceAll('""', '"') : value;
}

/** Every value of the record, in order. */
export function fieldValues(text: string, bounds: RecordBounds): string[] {
  const values = new Array<string>(bounds.count);
  for (let index = 0; index < bounds.count; index += 1) values[index] = fieldValue(text, bounds, index);
  return values;
}

/** The same record as one text and its bounds (for records another parser already split). */
export function boundsOfValues(values: readonly string[]): { text: string; bounds: RecordBounds } {
  const bounds: RecordBounds = { count: values.length, at: new Int32Array(3 * values.length) };
  let offset = 0;
  values.forEach((value, index) => {
    bounds.at[3 * index] = offset;
    offset += value.length;
    bounds.at[3 * index + 1] = offset;
  });
  return { text: values.join(''), bounds };
}
