import { describe, expect, it } from "vitest";
import { onboardingBody, onboardingInput } from "./onboarding-input";

describe("onboarding input", () => {
  it("accepts a minimal form and sends the current shape", () => {
    const input = onboardingInput.parse({ environmentId: "e" });
    expect(onboardingBody(input)).toEqual({ provider: "videoid" });
  });

  it("builds each of the three body shapes", () => {
    const base = { environmentId: "e", externalRef: "cust-1", docTypes: [138, 147], defaultId: 138 };
    expect(onboardingBody(onboardingInput.parse({ ...base, bodyShape: "current" }))).toEqual({
      externalRef: "cust-1",
      provider: "videoid",
      videoidProviderOptions: { docTypes: [138, 147], defaultId: 138 },
    });
    expect(onboardingBody(onboardingInput.parse({ ...base, bodyShape: "2024" }))).toEqual({
      externalRef: "cust-1",
      eidProviderOptions: { docTypes: [138, 147], defaultId: 138 },
    });
    expect(onboardingBody(onboardingInput.parse({ ...base, bodyShape: "quickstart" }))).toEqual({
      externalRef: "cust-1",
      input: { eidProviderOptions: { docTypes: [138, 147], defaultId: 138 } },
    });
  });

  it("gives field-level errors", () => {
    const result = onboardingInput.safeParse({ environmentId: "e", externalRef: "has spaces", docTypes: [138, 1.5], defaultId: 191 });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("externalRef");
    expect(paths).toContain("docTypes.1");
  });

  it("requires the preselected document to be allowed", () => {
    const result = onboardingInput.safeParse({ environmentId: "e", docTypes: [138], defaultId: 191 });
    expect(result.error?.issues[0]).toMatchObject({ path: ["defaultId"] });
  });
});

describe("step-up input", () => {
  it("puts the user and device where each shape wants them", async () => {
    const { stepUpBody, stepUpInput } = await import("./onboarding-input");
    const base = { environmentId: "e", userId: "u1", deviceId: "d1", docTypes: [191] };
    expect(stepUpBody(stepUpInput.parse({ ...base, bodyShape: "quickstart" }))).toEqual({ input: { userId: "u1", deviceId: "d1", eidProviderOptions: { docTypes: [191] } } });
    expect(stepUpBody(stepUpInput.parse({ ...base, bodyShape: "2024" }))).toEqual({ userId: "u1", deviceId: "d1", eidProviderOptions: { docTypes: [191] } });
    expect(stepUpBody(stepUpInput.parse(base))).toEqual({ userId: "u1", deviceId: "d1", provider: "videoid", videoidProviderOptions: { docTypes: [191] } });
    const missing = stepUpInput.safeParse({ environmentId: "e" });
    expect(missing.error?.issues.map((i) => i.path[0]).sort()).toEqual(["deviceId", "userId"]);
  });
});
