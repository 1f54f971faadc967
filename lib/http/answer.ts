/**
 * An answer as the emulator makes it: a status, headers and a body already made (JSON text, an
 * image's bytes, or nothing). node:http writes it as it is (lib/http/node.ts nodeListener);
 * `webResponse` makes the web Response that Next's route, proxy.ts and the tests read. A web
 * Response with its Headers cost about a tenth of an emulator GET to build, fill (nine headers
 * through Headers.set, each checked by WebIDL) and read back, for an answer that is never read
 * as a stream.
 */

/** Header names kept lower-case, in the order first set; the subset of `Headers` the pipeline uses. */
export class AnswerHeaders implements Iterable<[string, string]> {
  private readonly values = new Map<string, string>();

  constructor(init?: Record<string, string>) {
    if (init) for (const name of Object.keys(init)) this.set(name, init[name]);
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  /** A value with a line break would split the header block: refused, as `Headers` refuses it. */
  set(name: string, value: string): void {
    if (/[\r\n\0]/.test(value)) throw new TypeError(`Invalid value for header ${name}`);
    this.values.set(name.toLowerCase(), value);
  }

  delete(name: string): void {
    this.values.delete(name.toLowerCase());
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.values.entries();
  }

  /** As node:http's writeHead takes them. */
  toObject(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
}

export class Answer {
  constructor(
    readonly status: number,
    readonly headers: AnswerHeaders,
    readonly body: string | Uint8Array | null,
  ) {}

  /** The body as text, as `Response.text()` would read it. */
  text(): string {
    return this.body === null ? "" : typeof this.body === "string" ? this.body : Buffer.from(this.body).toString("utf8");
  }
}

/** The same answer for a web reader (Next's route, proxy.ts, tests). */
export function webResponse(answer: Answer): Response {
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers: [...answer.headers] });
}
