import type { Session } from '../engine/session-schema.js';
import type { WriteOutcome } from './reducer.js';

/** The app's side effects, injected so screens and flows can be tested without a disk or a clock. */
export type Services = {
  /**
   * Saves the session atomically after every change; a resumed session keeps its own file.
   * It never throws: a failure (read-only disk, a file where the folder should be) is reported back.
   */
  saveSession: (session: Session, resumed: boolean) => { ok: true } | { ok: false; reason: string };
  /** Saves the session to a file of the user's choosing; autosave continues there once it worked. */
  saveSessionAs: (path: string, session: Session, overwrite: boolean) => Promise<WriteOutcome>;
  /** Writes an export; never replaces an existing file unless told to. */
  writeExport: (path: string, content: string, overwrite: boolean) => Promise<WriteOutcome>;
};
