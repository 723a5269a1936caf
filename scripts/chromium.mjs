// Where the end-to-end tests look for a browser, and the one line that says how to get one.
import { existsSync } from 'node:fs';

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** null when the browser is there; otherwise one sentence naming the path looked at and how to get one. */
export function missingChromium() {
  const path = chromiumPath();
  if (existsSync(path)) return null;
  return `The end-to-end tests need Chromium and found none at ${path}: install it with \`apt-get install chromium\`, or point CHROMIUM_PATH at a Chromium binary.`;
}
