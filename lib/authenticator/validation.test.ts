import { describe, expect, it } from "vitest";
import { activationCodeError, deviceNameError, normalizeActivationCode, validateAppConfiguration, validateIdentityInput } from "./validation";

describe("activation code", () => {
  it("ignores spaces and dashes", () => {
    expect(normalizeActivationCode(" 12345 67890 ")).toBe("1234567890");
    expect(normalizeActivationCode("123-456-7890")).toBe("1234567890");
    expect(activationCodeError("12345 67890")).toBeNull();
  });

  it("asks for exactly 10 digits", () => {
    expect(activationCodeError("")).toMatch(/Enter the activation code/);
    expect(activationCodeError("12345abcde")).toMatch(/digits only/);
    expect(activationCodeError("123456789")).toMatch(/exactly 10 digits \(this one has 9\)/);
    expect(activationCodeError("12345678901")).toMatch(/has 11/);
  });
});

describe("app configuration", () => {
  it("accepts the three values and drops a trailing slash of the server URL", () => {
    const result = validateAppConfiguration({ applicationId: "app", publicKey: "MFkw", serverUrl: "http://localhost:3302/emulator/encore/encap/" });
    expect(result).toEqual({ ok: true, value: { applicationId: "app", publicKey: "MFkw", serverUrl: "http://localhost:3302/emulator/encore/encap" } });
  });

  it("gives a message per missing or wrong field", () => {
    const result = validateAppConfiguration({ applicationId: " ", publicKey: "", serverUrl: "localhost:3302" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["applicationId", "publicKey", "serverUrl"]);
  });
});

describe("identity input", () => {
  const valid = { firstName: "Jane", lastName: "Smith", dateOfBirth: "1990-01-01", gender: "F", nationality: "nor", documentNumber: "ab123456", dateOfExpiry: "2031-01-01" };

  it("upper-cases names, nationality and document number", () => {
    expect(validateIdentityInput(valid)).toEqual({
      ok: true,
      value: { firstName: "JANE", lastName: "SMITH", dateOfBirth: "1990-01-01", gender: "F", nationality: "NOR", documentNumber: "AB123456", dateOfExpiry: "2031-01-01" },
    });
  });

  it("refuses impossible dates, bad codes and empty names", () => {
    const result = validateIdentityInput({ ...valid, firstName: "", dateOfBirth: "1990-02-30", gender: "Q", nationality: "NO", dateOfExpiry: "1980-01-01" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.firstName).toMatch(/first name/);
      expect(result.errors.dateOfBirth).toMatch(/real date of birth/);
      expect(result.errors.gender).toBeDefined();
      expect(result.errors.nationality).toMatch(/3-letter/);
    }
  });

  it("wants the expiry after the birth", () => {
    const result = validateIdentityInput({ ...valid, dateOfExpiry: "1980-01-01" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.dateOfExpiry).toMatch(/after the date of birth/);
  });
});

describe("identity dates", () => {
  it("asks for a missing date before its format", () => {
    const result = validateIdentityInput({ firstName: "A", lastName: "B", dateOfBirth: "", gender: "F", nationality: "NOR", documentNumber: "AB12345", dateOfExpiry: "2030-01-01" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.dateOfBirth).toBe("Enter the date of birth.");
  });
});

describe("device name", () => {
  it("wants 1 to 60 characters after trimming", () => {
    expect(deviceNameError("My phone")).toBeNull();
    expect(deviceNameError("x".repeat(60))).toBeNull();
    expect(deviceNameError("   ")).toBe("Give this device a name.");
    expect(deviceNameError("x".repeat(61))).toBe("The device name is at most 60 characters.");
    expect(deviceNameError("<b>phone</b>")).toMatch(/< or >/);
  });
});
