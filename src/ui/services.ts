import type { Session } from '../engine/session-schema.js';

/** The app's side effects, injected so screens and flows can be tested without a disk or a clock. */
export type Services = {
  /** Saves the session atomically after every change; a resumed session keeps its own file. */
  saveSession: (session: Session, resumed: boolean) => void;
  /** Writes an export; never replaces an existing file unless told to. */
  writeExport: (path: string, content: string, overwrite: boolean) => Promise<{ outcome: 'written' | 'exists' | 'failed'; message: string }>;
};
