import type { runApp } from '../ui/run-app.js';

declare const DEPLOY_DOCTOR_BUNDLED: boolean | undefined;

/**
 * The interactive app (Ink and React) loads only when it is used. Built, it is its own
 * code-cached bundle next to this one; from the sources it is a plain import.
 */
export async function loadApp(): Promise<{ runApp: typeof runApp }> {
  if (typeof DEPLOY_DOCTOR_BUNDLED !== 'undefined' && DEPLOY_DOCTOR_BUNDLED) {
    const { runCachedBundle } = await import('./cached-bundle.js');
    return runCachedBundle(__dirname, 'app') as { runApp: typeof runApp };
  }
  return import('../ui/run-app.js');
}
