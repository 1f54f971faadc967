// Webhooks are not a way into the network: with EMULATOR_WEBHOOKS_ALLOW_PRIVATE off, every
// non-public target is refused at subscription (as written and after DNS) and again before each
// delivery, and the delivery log says "refused" the same way for open and closed ports.
import { lookup } from "node:dns/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { blockedHostReason } from "@/lib/security/blocked-hosts";
import { assertOutboundAllowed, clearOutboundCache } from "@/lib/security/outbound-url";
import { startEmulatorWithDefaults, waitFor, type EmulatorCaller } from "@/lib/testing/emulator-fixtures";
import type { EmulatorServer } from "@/lib/testing/emulator-server";
import { configureEventDelivery } from "./event-delivery";
import { createSubscription, emitEvent, listDeliveries, listSubscriptions } from "./events";
import { db } from "@/lib/data/db";

let server: EmulatorServer;
let caller: EmulatorCaller;

beforeAll(async () => {
  configureEventDelivery({ backoffBaseMs: 20, timeoutMs: 2000 });
  ({ server, caller } = await startEmulatorWithDefaults());
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
  clearOutboundCache();
});
const refusePrivate = () => vi.stubEnv("EMULATOR_WEBHOOKS_ALLOW_PRIVATE", "false");

const REFUSED_SPELLINGS = [
  "http://127.0.0.1/",
  "http://127.1/",
  "http://2130706433/",
  "http://0x7f.1/",
  "http://0177.0.0.1/",
  "http://017700000001/",
  "http://0.0.0.0/",
  "http://0/",
  "http://localhost/",
  "http://app.localhost/",
  "http://[::1]/",
  "http://[::]/",
  "http://[::ffff:127.0.0.1]/",
  "http://[0:0:0:0:0:ffff:7f00:1]/",
  "http://10.0.0.1/",
  "http://172.16.5.4/",
  "http://192.168.1.1/",
  "http://100.64.0.1/",
  "http://100.127.255.254/",
  "http://169.254.169.254/",
  "http://169.254.1.1/",
  "http://[::169.254.169.254]/",
  "http://[::a9fe:a9fe]/",
  "http://[64:ff9b::a9fe:a9fe]/",
  "http://[64:ff9b::7f00:1]/",
  "http://[64:ff9b:1::a00:1]/",
  "http://[::ffff:a9fe:a9fe]/",
  "http://[2002:7f00:1::]/",
  "http://[fc00::1]/",
  "http://[fd12:3456::1]/",
  "http://[fe80::1]/",
  "http://[fec0::1]/",
  "http://[ff02::1]/",
  "http://224.0.0.1/",
  "http://255.255.255.255/",
  "http://[fd00:ec2::254]/",
  "http://100.100.100.200/",
  "http://metadata.google.internal/",
];

describe("the public policy of blocked-hosts", () => {
  it("refuses every non-public spelling and allows public addresses", () => {
    for (const url of REFUSED_SPELLINGS) expect([url, blockedHostReason(new URL(url).hostname, "public")]).toEqual([url, expect.any(String)]);
    for (const host of ["93.184.216.34", "8.8.8.8", "100.63.255.255", "172.32.0.1", "[2606:4700::1111]", "api.example.com"]) expect([host, blockedHostReason(host, "public")]).toEqual([host, null]);
  });

  it("names what an address carries: the metadata address behind IPv4-compatible and NAT64 forms, even for the console's own policy", () => {
    expect(blockedHostReason("[::169.254.169.254]")).toMatch(/169\.254\.169\.254 is a cloud metadata address/);
    expect(blockedHostReason("[64:ff9b::a9fe:a9fe]")).toMatch(/cloud metadata/);
    expect(blockedHostReason("[2002:a9fe:a9fe::1]")).toMatch(/cloud metadata/);
    expect(blockedHostReason("127.0.0.1")).toBeNull(); // environments may still reach the embedded emulator
  });

  it("checks a name after resolution", async () => {
    const resolve = vi.fn(async () => [{ address: "10.1.2.3", family: 4 }]) as never;
    await expect(assertOutboundAllowed("https://innocent.example/hook", resolve, "public")).rejects.toThrow(/innocent\.example resolves to 10\.1\.2\.3, a private address/);
    await expect(assertOutboundAllowed("https://innocent.example/hook", resolve, "console")).resolves.toBeUndefined();
  });
});

describe("subscriptions", () => {
  it("refuses each spelling with 400 and the url field named, and stores nothing", async () => {
    refusePrivate();
    for (const url of REFUSED_SPELLINGS) {
      const res = await caller.call("POST", "/events/subscriptions", { body: { url: `${url}hook`, events: ["*"] } });
      expect([url, res.status, res.body.code]).toEqual([url, 400, "invalid_request_parameter"]);
      expect(res.body.invalidParams).toEqual([{ name: "url", reason: expect.stringMatching(/^must be a public address \(refused: /) }]);
    }
    expect(await listSubscriptions({ accountId: caller.accountId })).toEqual([]);
  });

  it("refuses a name that resolves to this machine", async () => {
    const name = hostname();
    const addresses = await lookup(name, { all: true }).catch(() => []);
    if (!addresses.some((a) => blockedHostReason(a.address, "public"))) return; // this machine's name is public: nothing to show
    refusePrivate();
    const res = await caller.call("POST", "/events/subscriptions", { body: { url: `http://${name}:1/hook`, events: ["*"] } });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].reason).toContain(`${name} resolves to`);
  });

  it("answers an invalid URL with 400 invalid_request_parameter naming url, not a 500", async () => {
    for (const url of ["not a url", "http://exa mple.com/", "http://[::1/", "https://", "http://999.1.1.1/", "javascript:alert(1)", "http://a\u0000b.example/"]) {
      const res = await caller.call("POST", "/events/subscriptions", { body: { url, events: ["*"] } });
      expect([url, res.status, res.body.invalidParams?.[0]?.name]).toEqual([url, 400, "url"]);
    }
  });
});

describe("deliveries", () => {
  async function listener() {
    let hits = 0;
    const http = createServer((_req, res) => {
      hits++;
      res.end("ok");
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`, hits: () => hits, close: () => new Promise<void>((r) => http.close(() => r())) };
  }

  it("checks again before each delivery: a target allowed once is refused later, logged as refused whether its port is open or closed", async () => {
    const open = await listener();
    const closed = await listener();
    await closed.close();
    try {
      const subscriptions: { subscriptionId: string }[] = [];
      for (const target of [open.url, closed.url]) subscriptions.push(await createSubscription({ accountId: caller.accountId, url: target, events: ["device.state.change"] }));
      refusePrivate();
      await db.$transaction((tx) => emitEvent(tx, { accountId: caller.accountId, eventName: "device.state.change", eventData: { probe: true } }));
      const ended = await waitFor(async () => {
        const mine = (await listDeliveries({ accountId: caller.accountId })).filter((d) => subscriptions.some((s) => s.subscriptionId === d.subscriptionId));
        return mine.length === 2 && mine.every((d) => d.state === "failed") ? mine : null;
      });
      expect(open.hits()).toBe(0);
      for (const delivery of ended) {
        expect(delivery.attempts).toBe(1); // refused is final: no retries into the network
        expect(delivery.attemptLog[0]).toMatchObject({ statusCode: null, error: "refused: 127.0.0.1 is a loopback address" });
      }
    } finally {
      await open.close();
    }
  });
});
