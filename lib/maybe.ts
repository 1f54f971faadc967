/**
 * A value now, or a promise of it: what a SQLite read gives at once (better-sqlite3 is
 * synchronous) and a PostgreSQL read later. The emulator's hottest path (a GET) is written over
 * it, so that on SQLite it finishes without making a promise: Next turns on async hooks for the
 * whole process, and each promise then pays a hook that copies every AsyncLocalStorage's store.
 */
export type Maybe<T> = T | Promise<T>;

/** `next` applied to the value (not named `then`: a module exporting `then` is a thenable to `import()`): at once when the value is here, once it is otherwise. A throw in `next` is thrown (or rejects) the same way. */
export function andThen<T, U>(value: Maybe<T>, next: (value: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** `recover` for a failure of `run`, whether it throws at once or rejects later. */
export function recover<T>(run: () => Maybe<T>, onFailure: (error: unknown) => Maybe<T>): Maybe<T> {
  let value: Maybe<T>;
  try {
    value = run();
  } catch (error) {
    return onFailure(error);
  }
  return value instanceof Promise ? value.catch(onFailure) : value;
}
