import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { loadSchema } from "./use-api-form";

describe("loadSchema", () => {
  it("hands a schema back as it is, and runs a loader once however many forms ask", async () => {
    const schema = z.object({ name: z.string() });
    expect(await loadSchema(schema)).toBe(schema);
    const loader = vi.fn(async () => schema);
    const [a, b] = await Promise.all([loadSchema(loader), loadSchema(loader)]);
    expect(a).toBe(schema);
    expect(b).toBe(schema);
    expect(await loadSchema(loader)).toBe(schema);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("tries a loader again after it failed (a chunk that did not load), instead of keeping the failure", async () => {
    const schema = z.string();
    const loader = vi.fn().mockRejectedValueOnce(new Error("ChunkLoadError")).mockResolvedValue(schema);
    await expect(loadSchema(loader)).rejects.toThrow("ChunkLoadError");
    expect(await loadSchema(loader)).toBe(schema);
    expect(loader).toHaveBeenCalledTimes(2);
  });
});
