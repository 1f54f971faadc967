import { describe, expect, it } from "vitest";
import { authenticationSigningText, contextRows, decodeBase64Text, formatCountdown, readOperationContext, secondsLeft } from "./pending-authentication";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("authentication signing text", () => {
  it("is authenticate:<id>:<challenge>", () => {
    expect(authenticationSigningText({ authenticationId: "a-1", challenge: "Zm9v" })).toBe("authenticate:a-1:Zm9v");
  });
});

describe("pre-operation context", () => {
  it("shows plain text as it is", () => {
    expect(readOperationContext({ content: "Sign in to Acme Bank", mimeType: "text/plain" })).toEqual({
      kind: "text",
      text: "Sign in to Acme Bank",
      decodedFromBase64: false,
    });
  });

  it("decodes base64 text, unicode included", () => {
    expect(readOperationContext({ content: b64("Pay 100 € to Ærø AS"), mimeType: "text/plain; charset=utf-8" })).toEqual({
      kind: "text",
      text: "Pay 100 € to Ærø AS",
      decodedFromBase64: true,
    });
  });

  it("keeps a single word that happens to be valid base64 as text", () => {
    expect(readOperationContext({ content: "Approve", mimeType: "text/plain" })?.text).toBe("Approve");
    expect(readOperationContext({ content: "Login", mimeType: "text/plain" })?.text).toBe("Login");
  });

  it("indents JSON, raw or base64", () => {
    const json = '{"amount":100,"to":"Acme"}';
    const expected = '{\n  "amount": 100,\n  "to": "Acme"\n}';
    expect(readOperationContext({ content: json, mimeType: "application/json" })).toEqual({ kind: "json", text: expected, decodedFromBase64: false });
    expect(readOperationContext({ content: b64(json), mimeType: "application/json" })).toEqual({ kind: "json", text: expected, decodedFromBase64: true });
  });

  it("says what it could not read", () => {
    expect(readOperationContext({ content: "{broken", mimeType: "application/json" })).toEqual({ kind: "other", text: "{broken", mimeType: "application/json" });
    expect(readOperationContext({ content: "AAEC", mimeType: "image/png" })).toEqual({ kind: "other", text: "AAEC", mimeType: "image/png" });
    expect(readOperationContext(null)).toBeNull();
    expect(readOperationContext({ content: "  ", mimeType: "text/plain" })).toBeNull();
  });

  it("refuses binary that is not text", () => {
    expect(decodeBase64Text(Buffer.from([0, 1, 2, 255]).toString("base64"))).toBeNull();
    expect(decodeBase64Text("abc")).toBeNull();
  });
});

describe("countdown", () => {
  it("counts whole seconds down to zero", () => {
    const now = Date.parse("2026-01-01T00:00:00.000Z");
    expect(secondsLeft("2026-01-01T00:05:00.000Z", now)).toBe(300);
    expect(secondsLeft("2026-01-01T00:00:00.400Z", now)).toBe(1);
    expect(secondsLeft("2025-12-31T23:59:00.000Z", now)).toBe(0);
    expect(secondsLeft("not a date", now)).toBeNull();
  });

  it("formats minutes and seconds", () => {
    expect(formatCountdown(300)).toBe("5:00");
    expect(formatCountdown(65)).toBe("1:05");
    expect(formatCountdown(3723)).toBe("1:02:03");
    expect(formatCountdown(0)).toBe("0:00");
  });
});

describe("contexts as a person reads them", () => {
  it("turns a step-up's pre-operation context into labelled rows, not JSON", () => {
    const content = Buffer.from(JSON.stringify({ operation: "stepup", provider: "videoid", processType: "substantial" })).toString("base64");
    const context = readOperationContext({ content, mimeType: "application/json" })!;
    expect(contextRows(context)).toEqual([
      { label: "Request", value: "Step-up: verify your identity again" },
      { label: "Identity check", value: "VideoID: a document and your face" },
      { label: "Assurance level", value: "Substantial" },
    ]);
  });

  it("labels unknown keys readably and leaves nested JSON and text alone", () => {
    const flat = readOperationContext({ content: JSON.stringify({ orderId: "A-17", amount_due: 12 }), mimeType: "application/json" })!;
    expect(contextRows(flat)).toEqual([
      { label: "Order id", value: "A-17" },
      { label: "Amount due", value: "12" },
    ]);
    expect(contextRows(readOperationContext({ content: JSON.stringify({ a: { b: 1 } }), mimeType: "application/json" })!)).toBeNull();
    expect(contextRows(readOperationContext({ content: "Sign in to Example Bank", mimeType: "text/plain" })!)).toBeNull();
  });
});
