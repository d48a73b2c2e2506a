/**
 * Cells of the files people download (CSV, XLSX). A text that begins with = + - @, a tab or a carriage
 * return is what a spreadsheet may run as a formula (OWASP "CSV injection"): it gets a leading apostrophe,
 * so it is shown as the text it is.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export type Cell = string | number | boolean | Date | null;

/** One CSV field (RFC 4180): neutralised text, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  const text = neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: Cell[]) => `${cells.map(csvField).join(',')}\r\n`;
