/**
 * The allocator setting the web server and the worker run with. glibc's malloc gives threads that
 * allocate arenas of their own (up to eight per core) and hands little of their freed memory back:
 * under steady load a process's resident memory then creeps up while its JavaScript heap stays flat
 * (heap snapshots of the web server 7 minutes apart under the soak's load: 154.0 and 152.5 MB).
 * Two arenas bound that growth. An operator's own MALLOC_ARENA_MAX wins.
 */
export function allocatorEnv(env: NodeJS.ProcessEnv = process.env): { MALLOC_ARENA_MAX: string } {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2" };
}
