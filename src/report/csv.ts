/**
 * One RFC 4180 field. Spreadsheets run a cell that starts with "=", "+", "-" or "@" as a
 * formula, so such text gets a leading apostrophe (the usual defence, shown by Excel and Sheets as text).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 rows: CRLF after every record, the header first. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}
