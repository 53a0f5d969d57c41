import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/reports/csv.js';

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row, in column order', () => {
    const rows = [{ a: 'x', b: 1, c: true }, { a: 'y', b: null, c: false }];
    expect(toCsv(rows, ['b', { key: 'a', header: 'Name' }])).toBe('b,Name\r\n1,x\r\n,y\r\n');
  });

  it('quotes cells holding commas, quotes or line breaks, doubling inner quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('leaves negative amounts alone so they still sum', () => {
    expect(csvCell('-2108.90')).toBe('-2108.90');
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([] as { a: string }[], ['a'])).toBe('a\r\n');
  });
});
