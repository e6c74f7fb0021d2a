/**
 * Where this process keeps its one-of-a-kind values (the database pool, pg-boss, the LISTEN connection,
 * the tus server, ...). On globalThis rather than in module variables: Next.js loads lib/ once per
 * bundle (route handlers, pages, the custom server) and its dev server reloads modules, yet a process
 * must still hold one of each.
 */
const held = globalThis as typeof globalThis & { clipcleanSingletons?: Map<string, unknown> };

export type ProcessSingleton<T> = {
  /** The value, made by `create` on first use. */
  get(create: () => T): T;
  /** The value when one was made, else undefined. */
  peek(): T | undefined;
  /** Drops the value (the next get makes a new one); with `value`, only while it is still that one. */
  forget(value?: T): void;
};

/** The process-wide slot `name`. */
export function processSingleton<T>(name: string): ProcessSingleton<T> {
  const values = (held.clipcleanSingletons ??= new Map<string, unknown>());
  return {
    get(create) {
      if (!values.has(name)) values.set(name, create());
      return values.get(name) as T;
    },
    peek: () => values.get(name) as T | undefined,
    forget(value) {
      if (value === undefined || values.get(name) === value) values.delete(name);
    },
  };
}
