/**
 * A request handler served straight from node:http (scripts/server/ serves /emulator so), without
 * building a web `Request` and its body stream for every call: under load that conversion was a
 * quarter of an emulator request. The handler reads a `NodeRequestView` — method, URL, header
 * lookups and a size-capped body — the same few things it reads of a web `Request`, which is the
 * other kind of `IncomingRequest` (Next's route, tests).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Answer } from "./answer";
import { BodyTooLargeError, declaresTooLarge, readTextCapped } from "./body";
import { PEER_ADDRESS_HEADER } from "@/lib/security/proxy-trust";
import type { Maybe } from "@/lib/maybe";

/** What a handler reads of a request's headers: `Headers` is one. */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface NodeRequestView {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderReader;
  /** The body as UTF-8 text; BodyTooLargeError past `limit` bytes, declared or read. */
  readText(limit: number): Promise<string>;
}

export type IncomingRequest = Request | NodeRequestView;

/** The body of either kind of request, capped. GET and HEAD have none: "" at once, with no promise. */
export function readRequestText(request: IncomingRequest, limit: number): Maybe<string> {
  if (request.method === "GET" || request.method === "HEAD") return "";
  return request instanceof Request ? readTextCapped(request, limit) : request.readText(limit);
}

/**
 * Node's headers read as `Headers` reads them: names without regard to case, a repeated header's
 * values joined with ", " (`headersDistinct`, since node's `headers` keeps only the first
 * Authorization or Host), plus what Next writes into a request before its handlers see it
 * (base-server.js), so code reading the client's address or the public origin sees the same on
 * both paths: the X-Forwarded-* a request does not carry already, and the socket's own address
 * under PEER_ADDRESS_HEADER, replaced, never taken from the caller (lib/security/peer-address.ts).
 */
class NodeHeaders implements HeaderReader {
  constructor(private readonly req: IncomingMessage) {}

  get(name: string): string | null {
    const key = name.toLowerCase();
    if (key === PEER_ADDRESS_HEADER) return this.req.socket.remoteAddress ?? "";
    const values = this.req.headersDistinct[key];
    if (values) return values.join(", ");
    return this.forwarded(key);
  }

  private forwarded(key: string): string | null {
    const { socket } = this.req;
    switch (key) {
      case "x-forwarded-host":
        return this.req.headers.host || null;
      case "x-forwarded-port":
        return socket.localPort ? String(socket.localPort) : null;
      case "x-forwarded-proto":
        return (socket as { encrypted?: boolean }).encrypted ? "https" : "http";
      case "x-forwarded-for":
        return socket.remoteAddress ?? null;
      default:
        return null;
    }
  }
}

function readNodeText(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error?: Error) => {
      req.off("data", onData).off("end", onEnd).off("error", stop);
      if (error) {
        req.resume(); // the rest is read and dropped, so the answer can still be written
        reject(error);
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stop(new BodyTooLargeError(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    };
    req.on("data", onData).on("end", onEnd).on("error", stop);
  });
}

/** Throws a TypeError where the Host and path make no URL (a Host with a space in it, say). */
export function nodeRequestView(req: IncomingMessage): NodeRequestView {
  const headers = new NodeHeaders(req);
  return {
    method: req.method ?? "GET",
    url: new URL(`http://${req.headers.host || "localhost"}${req.url ?? "/"}`).href,
    headers,
    readText: (limit) => (declaresTooLarge(headers, limit) ? Promise.reject(new BodyTooLargeError(limit)) : readNodeText(req, limit)),
  };
}

function writeAnswer(res: ServerResponse, answer: Answer): void {
  const headers = answer.headers.toObject();
  // Known in advance, so the answer goes out in one piece rather than chunked.
  if (answer.body !== null) headers["content-length"] = String(typeof answer.body === "string" ? Buffer.byteLength(answer.body) : answer.body.length);
  res.writeHead(answer.status, headers);
  res.end(answer.body ?? undefined);
}

const failure = (status: number, title: string, detail: string) => JSON.stringify({ status, title, detail });

/** A node:http listener over a handler of `NodeRequestView`s; an answer given at once is written at once. */
export function nodeListener(handle: (request: NodeRequestView) => Maybe<Answer>, onError: (error: unknown) => void = console.error) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const fail = (error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(failure(500, "Internal Server Error", "The server failed to answer."));
    };
    let request: NodeRequestView;
    try {
      request = nodeRequestView(req);
    } catch {
      res.writeHead(400, { "content-type": "application/json" }).end(failure(400, "Bad Request", "The request could not be read."));
      return;
    }
    try {
      const answer = handle(request);
      if (answer instanceof Promise) answer.then((made) => writeAnswer(res, made)).catch(fail);
      else writeAnswer(res, answer);
    } catch (error) {
      fail(error);
    }
  };
}
