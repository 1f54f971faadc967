// CSV as spreadsheets read it (RFC 4180): every field quoted when needed, CRLF rows,
// and cells that a spreadsheet would run as a formula neutralised.
type Cell = string | number | boolean | null | undefined;

/** Ids, dates, emails: nothing to quote or neutralise (most of an export's cells). */
const PLAIN = /^[\w.:][\w.:@-]*$/;

const cell = (value: Cell) => {
  let text = value === null || value === undefined ? "" : String(value);
  if (PLAIN.test(text)) return text;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV line with its CRLF: for exports written row by row. */
export const csvLine = (row: Cell[]): string => row.map(cell).join(",") + "\r\n";

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map(csvLine).join("");
}
