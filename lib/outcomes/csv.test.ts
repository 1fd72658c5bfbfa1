import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvPreamble, exportCells, exportHeader, type ExportRow } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', `'+1`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `"'\rcmd"`],
    ['=1;2', `"'=1;2"`],
    ['a;b', '"a;b"'],
  ])('%j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('writes numbers, booleans and empty values as they are', () => {
    expect(csvLine([-1.5, 0, true, false, null])).toBe('-1.5,0,yes,no,\r\n');
  });
});

describe('export rows', () => {
  const row: ExportRow = {
    pseudonym: 'EP-ABC123', patientName: 'Jo Bloggs', clinicianName: 'Sam Patel', intakeMonth: '2026-03', status: 'discharged',
    risk: 'high', severity: 'severe', nprsBaseline: 8, nprsLatest: 4, nprsDischarge: 4,
    nprsMcidLatest: true, nprsMcidDischarge: true, odiBaseline: 35.55555555, odiLatest: null, odiDischarge: 20,
    odiMcidLatest: false, odiMcidDischarge: true, weeksInCare: 6.142857, adherence: 1.2,
  };

  it('has one cell per column, names only when allowed, and empty MCID flags when there is no later score', () => {
    const cells = exportCells(row, 0.8, false);
    expect(cells).toHaveLength(exportHeader(false).length);
    expect(cells).toEqual(['EP-ABC123', 'Sam Patel', '2026-03', 'discharged', 'high', 'severe', 8, 4, 4, true, true, 35.6, null, 20, null, true, 6.1, 100, true]);
    const named = exportCells(row, 0.8, true);
    expect(exportHeader(true)[1]).toBe('patient_name');
    expect(named[1]).toBe('Jo Bloggs');
    expect(named).toHaveLength(exportHeader(true).length);
  });

  it('starts with the definitions as comment lines', () => {
    const preamble = csvPreamble({ clinicName: 'Demo', from: '2025-01-01', to: '2025-12-31', clinicianName: null, generatedAt: 'now' });
    const lines = preamble.trimEnd().split('\r\n');
    expect(lines.every((line) => line.startsWith('# '))).toBe(true);
    expect(preamble).toContain('Reached the MCID');
    expect(preamble).toContain('all clinicians');
  });
});
