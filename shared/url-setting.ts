import * as z from 'zod';

/** This computer only: what plain http:// may reach (a local test receiver, the demo tenant). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

// shared/ has no URL global (no DOM, no Node): zod checks the URL is well formed, these read its parts.
const schemeOf = (text: string) => /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase() ?? '';
const hostOf = (text: string) => /^[a-z]+:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(text)?.[1] ?? '';
const wellFormed = z.url();

/** Why `text` cannot be the URL setting `setting`, in one sentence naming it; null when it can. */
export function urlSettingProblem(setting: string, text: string): string | null {
  // A browser's URL parser reads \ as / and drops tabs and line breaks, so such a text can reach another host than it shows.
  if (/[\\\s\u0000-\u001f\u007f]/.test(text)) return `${setting} must not contain spaces, backslashes or control characters.`;
  const scheme = schemeOf(text);
  if (!scheme || !wellFormed.safeParse(text).success) return `${setting} must be a full URL such as https://api.example.com.`;
  if (scheme === 'https') return null;
  if (scheme === 'http' && isLoopbackHost(hostOf(text))) return null;
  if (scheme === 'http') {
    return `${setting} must use https:// (plain http:// is allowed only for this computer: localhost or 127.0.0.1).`;
  }
  return `${setting} must be an https:// URL; ${scheme}: URLs are not allowed.`;
}

/** The warning a screen shows beside an accepted plain-http (loopback) URL; null for https. */
export function urlSettingWarning(text: string): string | null {
  return schemeOf(text) === 'http' ? 'Plain http:// is not encrypted: use it only for a test server on this computer.' : null;
}

/** A URL setting: https:, or http: on loopback; anything else refused with the setting's name. */
export function urlSettingSchema(setting: string) {
  return z.string().superRefine((text, context) => {
    const problem = urlSettingProblem(setting, text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

/** The same, where an empty text means "not set". */
export function optionalUrlSettingSchema(setting: string) {
  return z.union([z.literal(''), urlSettingSchema(setting)]);
}
