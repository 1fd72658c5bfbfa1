/**
 * CSV for every export (RFC 4180, CRLF line ends), written by csv-stringify. Text cells a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) get a leading apostrophe
 * (OWASP CSV injection advice); numbers we write ourselves, negative ones included, are left alone.
 * Cells holding a semicolon are quoted too: spreadsheets in many European locales split on it.
 */
import { stringify, type Options } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null;

const OPTIONS: Options = {
  record_delimiter: 'windows',
  escape_formulas: true,
  // Semicolons (the delimiter in many locales) and line breaks.
  quoted_match: [/;/, /[\r\n]/],
  cast: {
    boolean: (value: boolean) => (value ? 'yes' : 'no'),
    number: (value: number) => (Number.isFinite(value) ? String(value) : ''),
  },
};

/** One CSV record, with its CRLF. */
export function csvLine(cells: ReadonlyArray<CsvValue>): string {
  return stringify([cells.map((cell) => cell ?? '')], OPTIONS);
}

/** One cell as it appears in a record (for tests and single values). */
export function csvCell(value: CsvValue): string {
  return csvLine([value]).slice(0, -2);
}
