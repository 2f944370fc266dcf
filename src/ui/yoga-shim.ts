// In the CommonJS app bundle, yoga-layout's top-level await is not allowed, so Ink gets this object
// instead and it is filled in (before anything renders) by yogaReady().
import { loadYoga } from 'yoga-layout/load';

export * from 'yoga-layout/load';

type Yoga = Awaited<ReturnType<typeof loadYoga>>;
const yoga = {} as Yoga;
export default yoga;

/**
 * Emscripten's loader only checks whether `fetch` exists (the WebAssembly is inlined), but in
 * Node 20 merely reading the global loads undici, a tenth of start-up. Hide it for that moment.
 */
export async function yogaReady(): Promise<void> {
  if ('Node' in yoga) return;
  const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchProperty?.configurable) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    Object.assign(yoga, await loadYoga());
  } finally {
    if (fetchProperty?.configurable) Object.defineProperty(globalThis, 'fetch', fetchProperty);
  }
}
