/**
 * Like Promise.all over `items.map(work)`, with at most `limit` calls in flight: reading a pack of
 * thousands of files at once runs out of file descriptors (EMFILE under `ulimit -n 1024`).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
