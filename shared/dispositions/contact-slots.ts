import { codeAt, sliceOf, type CodeUnits } from './code-units';

/** Contacts per page of the per-contact arrays: they grow a page at a time, never copied. */
const pageBits = 16;
const pageSize = 1 << pageBits;
const pageMask = pageSize - 1;
/** Bytes per page of the key arena (a key never straddles two pages). */
const arenaBits = 20;
const arenaPage = 1 << arenaBits;

/**
 * Numbers each distinct (campaign ID, contact ID) pair 0, 1, 2, … in order of first appearance,
 * in flat memory: an open-addressing table over typed arrays, the key's characters kept one
 * byte each in an arena as `campaign NUL contact NUL`, and per contact only where its key starts
 * (about 22 bytes a contact instead of a Map entry and two strings; the hash is not kept, it is
 * taken again from the arena when the table grows).
 * Keys are compared character by character, so distinct contacts never share a number; a key
 * with a character past U+00FF (or a NUL) goes to a plain Map instead. Keys are read in place
 * (slotOfRange), so a scan needs no string per key.
 */
export class ContactSlots {
  private mask: number;
  /** slot + 1; 0 is empty. */
  private table: Int32Array<ArrayBuffer>;
  /** Per slot, in pages: where its key starts in the arena (-1: a wide key, in the Map). */
  private readonly keyPages: Int32Array<ArrayBuffer>[] = [];
  private readonly arena: Uint8Array<ArrayBuffer>[] = [];
  private arenaUsed = arenaPage;
  private readonly wide = new Map<string, number>();
  count = 0;
  /** Whether the last slotOf() call numbered a new contact. */
  added = false;

  /** `expected`: about how many contacts there will be (at most a file's line count), so the table is not rebuilt as it fills. */
  constructor(expected = 0) {
    let size = 1 << 12;
    while (size * 3 < expected * 4) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
  }

  slotOf(campaignId: string, contactId: string): number {
    return this.slotOfRange(campaignId, 0, campaignId.length, contactId, 0, contactId.length);
  }

  /** slotOf(campaign.slice(campaignFrom, campaignTo), contact.slice(contactFrom, contactTo)), read in place. */
  slotOfRange(campaign: CodeUnits, campaignFrom: number, campaignTo: number, contact: CodeUnits, contactFrom: number, contactTo: number): number {
    const hash = this.keyHash(campaign, campaignFrom, campaignTo, contact, contactFrom, contactTo);
    return this.slotOfHashed(hash, this.wideKey, campaign, campaignFrom, campaignTo, contact, contactFrom, contactTo);
  }

  /** Whether the last keyHash() key has a character past U+00FF (or a NUL). */
  wideKey = false;

  /** The key's hash, as slotOfHashed takes it (and wideKey). */
  keyHash(campaign: CodeUnits, campaignFrom: number, campaignTo: number, contact: CodeUnits, contactFrom: number, contactTo: number): number {
    let hash = 0x811c9dc5 | 0;
    let wide = false;
    for (let i = campaignFrom; i < campaignTo; i++) {
      const code = codeAt(campaign, i);
      if (code === 0 || code > 0xff) wide = true;
      hash = Math.imul(hash ^ code, 16777619);
    }
    hash = Math.imul(hash, 16777619);
    for (let i = contactFrom; i < contactTo; i++) {
      const code = codeAt(contact, i);
      if (code === 0 || code > 0xff) wide = true;
      hash = Math.imul(hash ^ code, 16777619);
    }
    this.wideKey = wide;
    return finish(hash);
  }

  /**
   * Reads the table where a key of this hash starts its search. Reading it for a few keys ahead of
   * their lookups lets the memory fetch them side by side instead of one after another.
   */
  warm(hash: number): number {
    return this.table[hash & this.mask] as number;
  }

  /** slotOfRange() with the key's hash already taken. */
  slotOfHashed(
    hash: number,
    wide: boolean,
    campaign: CodeUnits,
    campaignFrom: number,
    campaignTo: number,
    contact: CodeUnits,
    contactFrom: number,
    contactTo: number,
  ): number {
    this.added = false;
    if (wide) {
      const campaignId = sliceOf(campaign, campaignFrom, campaignTo);
      const key = `${campaignId.length}:${campaignId}${sliceOf(contact, contactFrom, contactTo)}`;
      const known = this.wide.get(key);
      if (known !== undefined) return known;
      const slot = this.newSlot(campaign, 0, 0, contact, 0, 0, false);
      this.wide.set(key, slot);
      return slot;
    }
    let at = hash & this.mask;
    for (;;) {
      const entry = this.table[at] as number;
      if (entry === 0) break;
      const slot = entry - 1;
      const start = (this.keyPages[slot >>> pageBits] as Int32Array)[slot & pageMask] as number;
      if (this.keyIs(start, campaign, campaignFrom, campaignTo, contact, contactFrom, contactTo)) return slot;
      at = (at + 1) & this.mask;
    }
    const slot = this.newSlot(campaign, campaignFrom, campaignTo, contact, contactFrom, contactTo, true);
    this.table[at] = slot + 1;
    // At most three quarters full: linear probing stays short.
    if (this.count * 4 > this.table.length * 3) this.rehash();
    return slot;
  }

  private keyIs(
    start: number,
    campaign: CodeUnits,
    campaignFrom: number,
    campaignTo: number,
    contact: CodeUnits,
    contactFrom: number,
    contactTo: number,
  ): boolean {
    const chars = this.arena[start >>> arenaBits] as Uint8Array;
    let at = start & (arenaPage - 1);
    for (let i = campaignFrom; i < campaignTo; i++, at++) if (chars[at] !== codeAt(campaign, i)) return false;
    if (chars[at] !== 0) return false;
    at += 1;
    for (let i = contactFrom; i < contactTo; i++, at++) if (chars[at] !== codeAt(contact, i)) return false;
    return chars[at] === 0;
  }

  /** keyHash() of a key kept in the arena. */
  private storedHash(start: number): number {
    const chars = this.arena[start >>> arenaBits] as Uint8Array;
    let at = start & (arenaPage - 1);
    let hash = 0x811c9dc5 | 0;
    for (let code = chars[at] as number; code !== 0; code = chars[++at] as number) hash = Math.imul(hash ^ code, 16777619);
    hash = Math.imul(hash, 16777619);
    for (let code = chars[++at] as number; code !== 0; code = chars[++at] as number) hash = Math.imul(hash ^ code, 16777619);
    return finish(hash);
  }

  private newSlot(
    campaign: CodeUnits,
    campaignFrom: number,
    campaignTo: number,
    contact: CodeUnits,
    contactFrom: number,
    contactTo: number,
    kept: boolean,
  ): number {
    const slot = this.count;
    this.count += 1;
    this.added = true;
    if ((slot & pageMask) === 0) this.keyPages.push(new Int32Array(pageSize));
    const page = this.keyPages[slot >>> pageBits] as Int32Array;
    // A wide key keeps no characters here (it is found through the Map).
    if (!kept) {
      page[slot & pageMask] = -1;
      return slot;
    }
    const length = campaignTo - campaignFrom + 1 + contactTo - contactFrom + 1;
    if (this.arenaUsed + length > arenaPage) {
      this.arena.push(new Uint8Array(Math.max(arenaPage, length)));
      this.arenaUsed = 0;
    }
    const pageIndex = this.arena.length - 1;
    const chars = this.arena[pageIndex] as Uint8Array;
    let at = this.arenaUsed;
    page[slot & pageMask] = pageIndex * arenaPage + at;
    for (let i = campaignFrom; i < campaignTo; i++, at++) chars[at] = codeAt(campaign, i);
    chars[at] = 0;
    at += 1;
    for (let i = contactFrom; i < contactTo; i++, at++) chars[at] = codeAt(contact, i);
    chars[at] = 0;
    this.arenaUsed = at + 1;
    return slot;
  }

  private rehash() {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let i = 0; i < this.table.length; i++) {
      const entry = this.table[i] as number;
      if (entry === 0) continue;
      const slot = entry - 1;
      let at = this.storedHash((this.keyPages[slot >>> pageBits] as Int32Array)[slot & pageMask] as number) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = entry;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** FNV's low bits mix poorly, and the table is indexed by them: spread the high bits down first. */
function finish(fnv: number): number {
  const hash = Math.imul(fnv ^ (fnv >>> 16), 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
