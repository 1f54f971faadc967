// The bench's one table: every row of every part, with its target, figure and verdict.
const format = (value) => (typeof value === "number" ? (Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(1)) : String(value ?? ""));
const verdict = (ok) => (ok === true ? "ok" : ok === false ? "MISSED" : "");

export function printTable(rows) {
  const cells = rows.map((r) => [r.area, r.name, r.target ?? "", `${format(r.measured)}${r.unit ? ` ${r.unit}` : ""}`, verdict(r.ok)]);
  const head = ["area", "what", "target", "measured", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) =>
    c
      .map((v, i) => (i === 3 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
  const missed = rows.filter((r) => r.ok === false).length;
  console.log(`\n${rows.filter((r) => r.ok === true).length} targets met, ${missed} missed, ${rows.filter((r) => r.ok == null).length} figures without a target`);
}
