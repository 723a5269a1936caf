import { describe, expect, it } from 'vitest';
import { canonicalValueHash, rowContentHash, type CanonicalValue } from '../../../shared/dispositions/row-content-hash';

const samples: CanonicalValue[] = [
  ['camp-1', 'c-1', 'BUSY', 'agent-1', null, '2024-06-01T00:00:00.000Z', []],
  ['camp-1', 'c-1', 'BUSY', 'agent-1', 'said "no"\r\nthen \\ left\t', '2024-06-01T00:00:00.000Z', [['lead score', '85']]],
  [
    '',
    '\u0000\u001f',
    '😀',
    '\ud800 lone',
    '\udfff',
    'é ü 中文',
    [
      ['a', ''],
      ['b', '"'],
    ],
  ],
  [],
  [[]],
];

describe('canonicalValueHash', () => {
  it('gives the hash of the JSON text without writing it, escapes and surrogates included', () => {
    for (const value of samples) expect(canonicalValueHash(value), JSON.stringify(value)).toBe(rowContentHash(JSON.stringify(value)));
  });

  it('agrees on generated strings of every kind of character', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const alphabet = ['a', 'Z', ' ', '"', '\\', '\n', '\r', '\u0001', '\u007f', 'é', '\ud83d\ude00', '\ud800', '\udc00', ',', '[', 'null'];
    for (let round = 0; round < 5_000; round += 1) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const value: CanonicalValue = [text, next() < 0.5 ? null : text, [[text, 'x']]];
      expect(canonicalValueHash(value)).toBe(rowContentHash(JSON.stringify(value)));
    }
  });
});
