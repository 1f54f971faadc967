import { afterEach, describe, expect, it, vi } from "vitest";
import { log, logRequest, withLogContext } from "./log";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const lines = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => JSON.parse(String(c[0])));

describe("log", () => {
  it("writes JSON lines carrying the request id and trace id of the request being served", async () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const ids: { requestId: string; traceId?: string } = { requestId: "req-1" };
    await withLogContext(ids, async () => {
      log.info("inside");
      ids.traceId = "trace-9"; // learnt mid-request
      logRequest({ method: "GET", path: "/api/x", status: 200, durationMs: 3, requestId: "req-1", traceId: ids.traceId });
    });
    log.info("outside");
    expect(lines(out)).toEqual([
      expect.objectContaining({ level: "info", message: "inside", requestId: "req-1" }),
      expect.objectContaining({ level: "info", message: "request", method: "GET", path: "/api/x", status: 200, durationMs: 3, requestId: "req-1", traceId: "trace-9" }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
  });

  it("drops lines below LOG_LEVEL", () => {
    vi.stubEnv("LOG_LEVEL", "warn");
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    log.info("quiet");
    log.warn("loud");
    expect(out).not.toHaveBeenCalled();
    expect(lines(err)).toEqual([expect.objectContaining({ level: "warn", message: "loud" })]);
  });
});
