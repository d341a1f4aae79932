/**
 * A value kept for the life of the process, across the rebuilds of `npm run dev` (which import
 * the server build again, so module-level variables start over): the open database, the
 * compiled course, the compile cache. Kept on `globalThis` under `__sagslab_<name>`.
 */
export function remember<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Record<string, T | undefined>;
  const key = `__sagslab_${name}`;
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}
