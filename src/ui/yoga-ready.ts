/** Ink's layout engine is ready as soon as it is imported here; the bundled build swaps in a shim that loads it first. */
export async function yogaReady(): Promise<void> {}
