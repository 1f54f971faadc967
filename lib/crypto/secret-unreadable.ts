// Its own module: lib/http/api-error.ts maps it to a plain 503, and browser code imports that file,
// so it must not pull in the key file's Node modules.

/** A stored secret that does not open with this process's key: typically a rotation while this instance ran on the old key. */
export class SecretUnreadableError extends Error {
  constructor() {
    super("A stored secret does not open with this console's encryption key: the key was probably rotated while this instance ran. Restart it with the current CONSOLE_ENCRYPTION_KEY (or key file).");
  }
}
