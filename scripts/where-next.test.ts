// What the first `npm run console` prints once the server answers.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error a plain .mjs script without types
import { announceWhereNext } from "./lib/where-next.mjs";

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(setupStatus: number) {
  server = createServer((req, res) => {
    if (req.url === "/api/health") return res.writeHead(200).end("{}");
    if (req.url === "/setup") return res.writeHead(setupStatus, setupStatus === 307 ? { location: "/signin" } : {}).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("where to go next", () => {
  it("on a console without staff, names the first-run page and says the first admin is created there", async () => {
    const lines: string[] = [];
    await announceWhereNext({ port: await serve(200), host: "127.0.0.1", log: (l: string) => lines.push(l) });
    expect(lines.join("")).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/setup to create the first admin/);
  });

  it("once staff exist, says to open the console and sign in", async () => {
    const lines: string[] = [];
    await announceWhereNext({ port: await serve(307), host: "0.0.0.0", log: (l: string) => lines.push(l) });
    expect(lines.join("")).toMatch(/open http:\/\/localhost:\d+ and sign in/);
  });
});
