/**
 * Reading a patient CSV from a previous system: the file checks and the per-row checks that need no
 * database. Pure (no I/O, no `server-only`), so every refusal is unit-tested. lib/dal/import.ts adds
 * the checks against the clinic's data (clinicians, emails in use) and writes.
 *
 * Format (docs/IMPORT.md): UTF-8, comma-separated, a header row naming the columns in any order:
 * name, email, date_of_birth (YYYY-MM-DD), condition, clinician (the clinician's Uplift email),
 * baseline_pain (0-10) and optionally past_pain ("YYYY-MM-DD:score" entries separated by ";").
 */
import { createHash } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';

import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_PAST_PAIN } from '@/lib/validation/patient-import';

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_PAST_PAIN };

export const REQUIRED_COLUMNS = ['name', 'email', 'date_of_birth', 'condition', 'clinician', 'baseline_pain'] as const;
export const OPTIONAL_COLUMNS = ['past_pain'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export const COLUMN_ORDER: Column[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export type RowError = { row: number; column: Column | null; message: string };

export type ImportRow = {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  name: string;
  email: string;
  dateOfBirth: string;
  condition: string;
  clinicianEmail: string;
  baselinePain: number;
  pastPain: { day: string; score: number }[];
};

/** A row with problems: the parts of it that can still be checked against the clinic's data. */
export type RowReference = { row: number; email: string | null; clinicianEmail: string | null };

export type ParsedFile =
  | { ok: true; sha256: string; rows: ImportRow[]; errors: RowError[]; references: RowReference[] }
  | { ok: false; reason: 'empty' | 'too-large' | 'malformed' | 'too-many-rows'; message: string };

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection, OWASP). A file
 * from another system has no reason to contain one, so the row is refused rather than silently changed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

// Control characters (NUL included, which PostgreSQL rejects) and bidi overrides have no place in a name.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function realDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const text = (label: string, max: number) =>
  z
    .string()
    .min(1, `${label} is empty.`)
    .refine((value) => !UNSAFE_TEXT.test(value), `${label} contains characters that cannot be stored.`)
    .refine((value) => value.isWellFormed(), `${label} contains characters that cannot be stored.`)
    .refine((value) => [...value].length <= max, `${label} must be ${max} characters or fewer.`);

const email = (label: string) =>
  z
    .string()
    .min(1, `${label} is empty.`)
    .max(254, `${label} is too long.`)
    .transform((value) => value.toLowerCase())
    .pipe(z.email(`${label} is not an email address.`));

function rowSchema(today: string) {
  return z.object({
    name: text('The name', 200),
    email: email('The email'),
    date_of_birth: z
      .string()
      .refine(realDate, 'The date of birth is not a real date in the form YYYY-MM-DD, like 1980-04-02.')
      .refine((value) => !realDate(value) || (value >= '1900-01-01' && value <= today), 'The date of birth must be in the past.'),
    condition: text('The condition', 200),
    clinician: email('The clinician'),
    baseline_pain: z.string().regex(/^(10|[0-9])$/, 'The baseline pain must be a whole number from 0 to 10.').transform(Number),
    past_pain: z.string().default(''),
  });
}

/** "2026-01-05:6; 2026-01-12:5" → entries, or the first problem in words. */
export function parsePastPain(value: string, dateOfBirth: string | null, today: string): { day: string; score: number }[] | string {
  if (value.trim() === '') return [];
  const parts = value.split(';').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length > MAX_PAST_PAIN) return `At most ${MAX_PAST_PAIN} past pain scores per patient.`;
  const entries: { day: string; score: number }[] = [];
  for (const part of parts) {
    const match = /^(\d{4}-\d{2}-\d{2})\s*:\s*(10|[0-9])$/.exec(part);
    if (!match) return `“${part.slice(0, 40)}” is not a date and score like 2026-01-05:6 (scores are whole numbers from 0 to 10).`;
    const [, day, score] = match as unknown as [string, string, string];
    if (!realDate(day)) return `${day} is not a real date.`;
    if (day > today) return `${day} is in the future.`;
    if (dateOfBirth && day < dateOfBirth) return `${day} is before the date of birth.`;
    entries.push({ day, score: Number(score) });
  }
  return entries.sort((a, b) => a.day.localeCompare(b.day));
}

/** SHA-256 of the file's bytes: tells a re-upload of the same file apart without keeping it. */
export function fileSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The file checks (size, encoding, CSV syntax, columns, row count), then every row's own checks. A
 * file-level problem refuses the whole file; row problems are all listed, each with its row number.
 */
export function parsePatientCsv(bytes: Uint8Array, today: string): ParsedFile {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty', message: 'The file is empty.' };
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, reason: 'too-large', message: `The file is too large (${Math.ceil(bytes.byteLength / 1024)} KB). The limit is ${MAX_IMPORT_BYTES / 1024} KB, about ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} patients: split it into smaller files.` };
  }
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'malformed', message: 'The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and try again.' };
  }
  let records: { record: string[]; info: { records: number } }[];
  try {
    records = parse(content, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: 64 * 1024,
    }) as unknown as { record: string[]; info: { records: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      return { ok: false, reason: 'malformed', message: `The file is not valid CSV${line ? ` (near line ${line})` : ''}: ${csvProblem(error.code)}` };
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, reason: 'empty', message: 'The file is empty.' };
  const names = header.record.map((cell) => cell.trim().toLowerCase());
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  const unknown = names.filter((name) => !known.has(name));
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (unknown.length || missing.length || repeated.length) {
    const problems = [
      missing.length ? `missing ${missing.join(', ')}` : null,
      unknown.length ? `unknown ${unknown.map((name) => `“${name.slice(0, 40)}”`).join(', ')}` : null,
      repeated.length ? `repeated ${repeated.join(', ')}` : null,
    ].filter(Boolean);
    return {
      ok: false,
      reason: 'malformed',
      message: `The first row must name the columns ${REQUIRED_COLUMNS.join(', ')} (and optionally ${OPTIONAL_COLUMNS.join(', ')}): ${problems.join('; ')}.`,
    };
  }
  if (body.length === 0) return { ok: false, reason: 'empty', message: 'The file has a header row but no patients.' };
  if (body.length > MAX_IMPORT_ROWS) {
    return { ok: false, reason: 'too-many-rows', message: `The file has ${body.length.toLocaleString('en-GB')} patients; the limit is ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} per file. Split it into smaller files.` };
  }

  const schema = rowSchema(today);
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const references: RowReference[] = [];
  const seen = new Map<string, number>();
  const fields = schema.shape;
  for (const { record, info } of body) {
    const row = info.records;
    const raw = Object.fromEntries(names.map((name, index) => [name, record[index] ?? ''])) as Record<Column, string>;
    const rowErrors: RowError[] = [];
    const values: Partial<Record<Column, unknown>> = {};
    // Each column on its own, so one bad cell does not hide the problems of the others.
    for (const column of Object.keys(fields) as Column[]) {
      const cell = raw[column] ?? '';
      if (FORMULA_START.test(cell) || FORMULA_START.test(cell.trimStart())) {
        const first = cell.trimStart().charAt(0) || cell.charAt(0);
        rowErrors.push({ row, column, message: `Starts with “${first === '\t' ? 'a tab' : first}”, which spreadsheets run as a formula. Remove it (or the whole cell) and try again.` });
        continue;
      }
      const parsed = fields[column].safeParse(cell.trim());
      if (parsed.success) values[column] = parsed.data;
      else rowErrors.push({ row, column, message: parsed.error.issues[0]!.message });
    }
    const dateOfBirth = typeof values.date_of_birth === 'string' ? values.date_of_birth : null;
    let pastPain: ImportRow['pastPain'] = [];
    if ('past_pain' in values) {
      const read = parsePastPain(values.past_pain as string, dateOfBirth, today);
      if (typeof read === 'string') rowErrors.push({ row, column: 'past_pain', message: read });
      else pastPain = read;
    }
    const email = typeof values.email === 'string' ? values.email : null;
    if (email !== null) {
      const earlier = seen.get(email);
      if (earlier !== undefined) rowErrors.push({ row, column: 'email', message: `The same email is on row ${earlier}: one row per patient.` });
      else seen.set(email, row);
    }
    const clinicianEmail = typeof values.clinician === 'string' ? values.clinician : null;
    if (rowErrors.length > 0) {
      errors.push(...rowErrors.sort((a, b) => COLUMN_ORDER.indexOf(a.column!) - COLUMN_ORDER.indexOf(b.column!)));
      // What can still be checked against the clinic (the clinician, whether the email is taken), so the
      // list of problems is complete in one pass.
      references.push({ row, email: rowErrors.some((error) => error.column === 'email') ? null : email, clinicianEmail });
      continue;
    }
    rows.push({
      row,
      name: values.name as string,
      email: email!,
      dateOfBirth: dateOfBirth!,
      condition: values.condition as string,
      clinicianEmail: clinicianEmail!,
      baselinePain: values.baseline_pain as number,
      pastPain,
    });
  }
  return { ok: true, sha256: fileSha256(bytes), rows, errors, references };
}

function csvProblem(code: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed.';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'a row has a different number of cells from the header row.';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote mark is in the middle of a cell; put the whole cell in quotes and double the quote marks inside it.';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a row is far too long.';
    default:
      return 'it could not be read.';
  }
}
