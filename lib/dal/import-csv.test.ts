import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, parsePastPain, parsePatientCsv } from './import-csv';

const TODAY = '2026-12-03';
const HEADER = 'name,email,date_of_birth,condition,clinician,baseline_pain,past_pain';
const bytes = (text: string) => new TextEncoder().encode(text);
const file = (...rows: string[]) => bytes([HEADER, ...rows].join('\r\n') + '\r\n');
const good = 'Ann Lee,Ann.Lee@Example.org,1980-04-02,Non-specific low back pain,clinician@clinic.example,6,2026-10-01:7; 2026-09-20:8';

describe('parsePatientCsv', () => {
  it('reads a good file: trimmed, emails lower-cased, past scores in date order, spreadsheet row numbers', () => {
    const parsed = parsePatientCsv(file(good, '"Bo, Jr",bo@example.org,1975-01-31,"Sciatica, left",CLINICIAN@clinic.example,10,'), TODAY);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.errors).toEqual([]);
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.rows[0]).toEqual({
      row: 2,
      name: 'Ann Lee',
      email: 'ann.lee@example.org',
      dateOfBirth: '1980-04-02',
      condition: 'Non-specific low back pain',
      clinicianEmail: 'clinician@clinic.example',
      baselinePain: 6,
      pastPain: [{ day: '2026-09-20', score: 8 }, { day: '2026-10-01', score: 7 }],
    });
    expect(parsed.rows[1]).toMatchObject({ row: 3, name: 'Bo, Jr', condition: 'Sciatica, left', baselinePain: 10, pastPain: [] });
  });

  it('accepts columns in any order, without past_pain, with a byte-order mark and \\n line ends', () => {
    const parsed = parsePatientCsv(bytes('\ufeffEmail,Name,clinician,condition,baseline_pain,date_of_birth\nzed@example.org,Zed,c@clinic.example,LBP,0,2001-02-03\n'), TODAY);
    expect(parsed.ok && parsed.rows[0]).toMatchObject({ name: 'Zed', email: 'zed@example.org', baselinePain: 0 });
  });

  it('lists every row’s errors, with row and column', () => {
    const parsed = parsePatientCsv(
      file(
        good,
        'X,not-an-email,1980-02-30,LBP,c@clinic.example,11,',
        'Y,y@example.org,2030-01-01,,c@clinic.example,5,2026-13-01:4',
        'Z,ann.lee@example.org,1980-01-01,LBP,c@clinic.example,5,2026-11-01:four',
        'W,w@example.org,1980-01-01,LBP,c@clinic.example,5,2027-01-01:4',
      ),
      TODAY,
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows.map((row) => row.row)).toEqual([2]);
    const where = parsed.errors.map((error) => `${error.row}:${error.column}`);
    expect(where).toEqual(['3:email', '3:date_of_birth', '3:baseline_pain', '4:date_of_birth', '4:condition', '4:past_pain', '5:email', '5:past_pain', '6:past_pain']);
    expect(parsed.errors.find((error) => error.row === 3 && error.column === 'date_of_birth')!.message).toMatch(/not a real date/);
    expect(parsed.errors.find((error) => error.row === 6)!.message).toMatch(/in the future/);
  });

  it('refuses the same email twice in one file', () => {
    const parsed = parsePatientCsv(file(good, good.replace('Ann Lee,', 'Ann Again,')), TODAY);
    expect(parsed.ok && parsed.errors).toEqual([{ row: 3, column: 'email', message: 'The same email is on row 2: one row per patient.' }]);
  });

  it.each([['=HYPERLINK("http://x")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['\t=1'], [' =1+1']])('refuses a cell starting like a formula: %j', (cell) => {
    const parsed = parsePatientCsv(file(good, `"${cell.replaceAll('"', '""')}",f@example.org,1980-01-01,LBP,c@clinic.example,5,`), TODAY);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ row: 3, column: 'name' });
    expect(parsed.errors[0]!.message).toMatch(/formula/);
  });

  it('refuses a file that is too large, empty, not UTF-8, not CSV, or has the wrong columns', () => {
    const refusal = (input: Uint8Array) => {
      const parsed = parsePatientCsv(input, TODAY);
      return parsed.ok ? null : parsed;
    };
    expect(refusal(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65))).toMatchObject({ reason: 'too-large' });
    expect(refusal(new Uint8Array())).toMatchObject({ reason: 'empty' });
    expect(refusal(bytes(`${HEADER}\n`))).toMatchObject({ reason: 'empty' });
    expect(refusal(Uint8Array.from([0x6e, 0x61, 0xff, 0xfe, 0x0a]))).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/UTF-8/) });
    expect(refusal(file('"Ann,ann@example.org,1980-01-01,LBP,c@clinic.example,5,'))).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/never closed/) });
    expect(refusal(file('Ann,ann@example.org,1980-01-01,LBP,c@clinic.example,5,,extra'))).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/number of cells/) });
    expect(refusal(bytes('name,email,dob\nA,a@x.org,1980-01-01\n'))).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/missing date_of_birth.*unknown “dob”/) });
    expect(refusal(bytes('%PDF-1.7\n\u0000\u0001binary'))).toMatchObject({ reason: 'malformed' });
  });

  it('refuses a file with too many rows', () => {
    const rows = Array.from({ length: 2_001 }, (_, index) => `P${index},p${index}@example.org,1980-01-01,LBP,c@clinic.example,5,`);
    expect(parsePatientCsv(file(...rows), TODAY)).toMatchObject({ ok: false, reason: 'too-many-rows' });
  });
});

describe('parsePastPain', () => {
  it('reads dated scores and refuses scores before birth', () => {
    expect(parsePastPain(' 2026-01-05 : 6 ;2026-01-01:0; ', null, TODAY)).toEqual([{ day: '2026-01-01', score: 0 }, { day: '2026-01-05', score: 6 }]);
    expect(parsePastPain('1979-01-01:5', '1980-01-01', TODAY)).toMatch(/before the date of birth/);
  });
});
