import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DemoTenantOptions } from '../../../electron/demo-tenant/index';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';

import { chromiumPath as findChromiumPath } from '../../../scripts/chromium.mjs';

export const chromiumPath = findChromiumPath();
export const screenshotDir = resolve('test-results', 'screenshots');
const rendererDir = resolve('out', 'renderer');

export interface ConsoleInBrowser {
  host: WebHost;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  screenshot(name: string): Promise<string>;
  axeViolations(): Promise<string[]>;
  close(): Promise<void>;
}

/** The real renderer in Debian's Chromium against the real services of the browser host. */
export async function openConsole(options: { demoTenant?: DemoTenantOptions; dataDir?: string } = {}): Promise<ConsoleInBrowser> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cxone-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'cxone-e2e-chromium-'));
  const host = await startWebHost({
    dataDir,
    rendererDir,
    version: 'e2e',
    demoTenant: { dialerTickMs: 0, activationMs: 500, latencyMs: 0, ...options.demoTenant },
    environment: {},
  });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.bridge.url);
  mkdirSync(screenshotDir, { recursive: true });
  return {
    host,
    context,
    page,
    dataDir,
    async screenshot(name) {
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async axeViolations() {
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      );
    },
    async close() {
      await context.close();
      await host.close();
      rmSync(profileDir, { recursive: true, force: true });
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Types a file path on the Dispositions screen and confirms it, as a lead does in the browser mode. */
export async function openTypedPath(page: Page, file: string): Promise<void> {
  await page.getByLabel('File path on this computer').fill(file);
  await page.getByLabel('File path on this computer').press('Enter');
  const confirm = page.getByRole('alertdialog');
  await confirm.getByText(file).waitFor();
  await confirm.getByRole('button', { name: 'Open this file' }).click();
}
