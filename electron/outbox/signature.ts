import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Signature` value of contract §5: `sha256=<hex HMAC-SHA256 of the exact raw body>`. */
export function signatureOf(secret: string, rawBody: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** What a receiver does with the header; constant-time so the comparison leaks nothing. */
export function signatureMatches(secret: string, rawBody: string | Uint8Array, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signatureOf(secret, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
