// In the CommonJS app bundle, yoga-layout's top-level await is not allowed, so Ink gets this object
// instead and it is filled in (before anything renders) by yogaReady().
import { loadYoga } from 'yoga-layout/load';

export * from 'yoga-layout/load';

type Yoga = Awaited<ReturnType<typeof loadYoga>>;
const yoga = {} as Yoga;
export default yoga;

export async function yogaReady(): Promise<void> {
  if (!('Node' in yoga)) Object.assign(yoga, await loadYoga());
}
