// Global setup of the e2e project: without a browser, one line instead of a stack trace per test.
import { missingChromium } from '../../../scripts/chromium.mjs';

export default function requireChromium(): void {
  const missing = missingChromium();
  if (missing) throw new Error(missing);
}
