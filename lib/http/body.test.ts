import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readTextCapped } from "./body";

function streamed(chunks: number, size: number) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(97));
      else controller.close();
    },
  });
  return { request: new Request("http://x/api", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => sent };
}

describe("readTextCapped", () => {
  it("reads a body within the cap", async () => {
    expect(await readTextCapped(new Request("http://x/api", { method: "POST", body: "hello" }), 10)).toBe("hello");
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const request = new Request("http://x/api", { method: "POST", body: "x".repeat(20), headers: { "content-length": "20" } });
    await expect(readTextCapped(request, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading a body without a length as soon as it passes the cap", async () => {
    const { request, pulled } = streamed(1000, 1024);
    await expect(readTextCapped(request, 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThan(10);
  });
});
