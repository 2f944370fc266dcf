import type * as TerminalMarkdown from './terminal-markdown.js';

declare const DEPLOY_DOCTOR_BUNDLED: boolean | undefined;
declare const require: (id: string) => unknown;

/**
 * The preview's Markdown renderer, loaded on first use. Built, the app runs from V8's code cache,
 * where Node 20 cannot import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so the renderer is a
 * CommonJS bundle required synchronously; from the sources it is a plain import.
 */
export async function loadTerminalMarkdown(): Promise<typeof TerminalMarkdown> {
  if (typeof DEPLOY_DOCTOR_BUNDLED !== 'undefined' && DEPLOY_DOCTOR_BUNDLED) return require('./terminal-markdown.cjs') as typeof TerminalMarkdown;
  return import('./terminal-markdown.js');
}
