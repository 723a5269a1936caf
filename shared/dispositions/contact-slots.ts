/**
 * Numbers each distinct (campaign ID, contact ID) pair 0, 1, 2, … in order of first appearance,
 * in flat memory: an open-addressing table over typed arrays, the key's characters kept one
 * byte each in an arena (about 20 bytes a contact instead of a Map entry and two strings).
 * Keys are compared character by character, so distinct contacts never share a number; a key
 * with a character past U+00FF (or a NUL) goes to a plain Map instead.
 */
export class ContactSlots {
  private mask = (1 << 12) - 1;
  /** slot + 1; 0 is empty. */
  private table = new Int32Array(1 << 12);
  private hashes = new Int32Array(1024);
  /** Where each slot's key starts in `chars`; starts[count] is the end of the last. */
  private starts = new Int32Array(1025);
  private chars = new Uint8Array(1 << 16);
  private readonly wide = new Map<string, number>();
  count = 0;
  /** Whether the last slotOf() call numbered a new contact. */
  added = false;

  /** `expected`: about how many contacts there will be (a file's line count), so the table is not rebuilt as it fills. */
  constructor(expected = 0) {
    let size = 1 << 12;
    while (size * 3 < expected * 4) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Int32Array(Math.max(1024, expected + 1));
    this.starts = new Int32Array(this.hashes.length + 1);
  }

  slotOf(campaignId: string, contactId: string): number {
    this.added = false;
    let hash = 0x811c9dc5 | 0;
    let wide = false;
    for (let i = 0; i < campaignId.length; i++) {
      const code = campaignId.charCodeAt(i);
      if (code === 0 || code > 0xff) wide = true;
      hash = Math.imul(hash ^ code, 16777619);
    }
    hash = Math.imul(hash, 16777619);
    for (let i = 0; i < contactId.length; i++) {
      const code = contactId.charCodeAt(i);
      if (code === 0 || code > 0xff) wide = true;
      hash = Math.imul(hash ^ code, 16777619);
    }
    if (wide) {
      const key = `${campaignId.length}:${campaignId}${contactId}`;
      const known = this.wide.get(key);
      if (known !== undefined) return known;
      const slot = this.newSlot(hash, '', '');
      this.wide.set(key, slot);
      return slot;
    }
    let at = hash & this.mask;
    for (;;) {
      const entry = this.table[at] as number;
      if (entry === 0) break;
      const slot = entry - 1;
      if (this.hashes[slot] === hash && this.keyIs(slot, campaignId, contactId)) return slot;
      at = (at + 1) & this.mask;
    }
    const slot = this.newSlot(hash, campaignId, contactId);
    this.table[at] = slot + 1;
    // At most three quarters full: linear probing stays short.
    if (this.count * 4 > this.table.length * 3) this.rehash();
    return slot;
  }

  private keyIs(slot: number, campaignId: string, contactId: string): boolean {
    const start = this.starts[slot] as number;
    const end = this.starts[slot + 1] as number;
    if (end - start !== campaignId.length + 1 + contactId.length) return false;
    const chars = this.chars;
    for (let i = 0; i < campaignId.length; i++) if (chars[start + i] !== campaignId.charCodeAt(i)) return false;
    if (chars[start + campaignId.length] !== 0) return false;
    const from = start + campaignId.length + 1;
    for (let i = 0; i < contactId.length; i++) if (chars[from + i] !== contactId.charCodeAt(i)) return false;
    return true;
  }

  private newSlot(hash: number, campaignId: string, contactId: string): number {
    const slot = this.count;
    this.count += 1;
    this.added = true;
    if (this.count >= this.hashes.length) {
      this.hashes = resized(this.hashes, this.hashes.length * 2);
      this.starts = resized(this.starts, this.hashes.length + 1);
    }
    this.hashes[slot] = hash;
    const start = this.starts[slot] as number;
    // A wide key keeps no characters here (it is found through the Map).
    const length = campaignId === '' && contactId === '' ? 0 : campaignId.length + 1 + contactId.length;
    if (start + length > this.chars.length) {
      const next = new Uint8Array(Math.max(start + length, Math.ceil(this.chars.length * 1.5)));
      next.set(this.chars);
      this.chars = next;
    }
    if (length > 0) {
      for (let i = 0; i < campaignId.length; i++) this.chars[start + i] = campaignId.charCodeAt(i);
      this.chars[start + campaignId.length] = 0;
      const from = start + campaignId.length + 1;
      for (let i = 0; i < contactId.length; i++) this.chars[from + i] = contactId.charCodeAt(i);
    }
    this.starts[slot + 1] = start + length;
    return slot;
  }

  private rehash() {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let i = 0; i < this.table.length; i++) {
      const entry = this.table[i] as number;
      if (entry === 0) continue;
      let at = (this.hashes[entry - 1] as number) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = entry;
    }
    this.table = table;
    this.mask = mask;
  }
}

function resized(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(length);
  next.set(array.subarray(0, Math.min(array.length, length)));
  return next;
}
