import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, or the one DEPLOY_DOCTOR_CHROMIUM names. */
export function findChromium(): string | undefined {
  const named = process.env.DEPLOY_DOCTOR_CHROMIUM;
  if (named) return existsSync(named) ? named : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** vitest sets CI=false for the Ink tests; the config keeps the real value in DEPLOY_DOCTOR_OUTER_CI. */
export const runningInCi = (): boolean => !['', '0', 'false'].includes((process.env.DEPLOY_DOCTOR_OUTER_CI ?? process.env.CI ?? '').toLowerCase());

/** A headless Chromium with a fresh profile and nothing that reaches out on its own. */
export async function launchChromium(executablePath: string): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'deploy-doctor-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = async () => {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { browser, close };
}
