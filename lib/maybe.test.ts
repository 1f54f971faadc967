import { describe, expect, it } from "vitest";
import { andThen, recover } from "./maybe";

describe("a value now or later", () => {
  it("goes on at once with a value that is here, and later with a promise", async () => {
    expect(andThen(2, (n) => n * 3)).toBe(6);
    const later = andThen(Promise.resolve(2), (n) => n * 3);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(6);
    expect(andThen(2, (n) => Promise.resolve(n + 1))).toBeInstanceOf(Promise);
  });

  it("throws at once what fails at once, and rejects what fails later", async () => {
    expect(() =>
      andThen(1, () => {
        throw new Error("now");
      }),
    ).toThrow("now");
    await expect(
      andThen(Promise.resolve(1), () => {
        throw new Error("later");
      }),
    ).rejects.toThrow("later");
  });

  it("recovers from a failure either way, and leaves a success alone", async () => {
    const onFailure = (error: unknown) => `recovered: ${(error as Error).message}`;
    expect(
      recover(() => {
        throw new Error("now");
      }, onFailure),
    ).toBe("recovered: now");
    expect(await recover(() => Promise.reject(new Error("later")), onFailure)).toBe("recovered: later");
    expect(recover(() => "fine", onFailure)).toBe("fine");
    expect(await recover(() => Promise.resolve("fine later"), onFailure)).toBe("fine later");
  });
});
