/**
 * RFC 4180 records: comma-separated, fields optionally in double quotes (which may hold commas,
 * newlines and "" for a quote), CRLF or LF line ends. Returns null for an unterminated quote.
 */
export function csvRecords(text: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { record.push(field); field = ''; i++; continue; }
    if (c === '\r' || c === '\n') {
      record.push(field); field = '';
      records.push(record); record = [];
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c; i++;
  }
  if (quoted) return null;
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}
