/** CSV export (the action plan as a spreadsheet), safe against formula injection. */
/**
 * One CSV field. Quoted when it holds the separator, a quote or a line break (quotes doubled,
 * RFC 4180). A text that a spreadsheet would run as a formula (starts with =, +, -, @, tab or CR)
 * gets a leading apostrophe, as OWASP advises against CSV injection: a measure typed as
 * "=HYPERLINK(...)" must stay text when the plan is opened in Excel.
 */
export function csvField(value: string, separator: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  if (v.includes(separator) || /["\r\n]/.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

/**
 * A CSV file: a header row and the rows, CRLF line ends, with a UTF-8 byte order mark so that
 * Excel reads accents and other scripts correctly. The separator is chosen by the caller: Excel
 * with Dutch regional settings expects ";", English ",".
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  separator: ',' | ';',
): string {
  const line = (cells: readonly string[]) =>
    cells.map((c) => csvField(c, separator)).join(separator);
  return `\uFEFF${[header, ...rows].map(line).join('\r\n')}\r\n`;
}
