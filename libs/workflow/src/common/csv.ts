/** A cell as spreadsheets read it: quoted when it must be, and a text that looks like a formula kept as text. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV in UTF-8 with a byte-order mark and CRLF lines, so spreadsheets show Chinese names as they are. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file a controller sends as it is. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}
