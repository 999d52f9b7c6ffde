/**
 * One CSV cell: quoted when it holds a quote, comma or line break, and prefixed with an
 * apostrophe when a spreadsheet would run it as a formula (=, +, -, @: CSV injection).
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, lines ended CRLF (RFC 4180). */
export function csvLines(rows: (string | number | null)[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
