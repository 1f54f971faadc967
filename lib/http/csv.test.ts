import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and neutralises formulas", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["plain", 'say "hi", then\nleave'],
          [null, "=HYPERLINK(1)"],
          [3, true],
        ],
      ),
    ).toBe('a,b\r\nplain,"say ""hi"", then\nleave"\r\n,\'=HYPERLINK(1)\r\n3,true\r\n');
  });
});
