import { describe, expect, it } from 'vitest';
import { formatProgress, progressPrinter } from '../../src/projections/progress-bar.js';

const at = (processed: number) => ({ processed, total: 1_000, eventsPerSecond: 250, etaSeconds: (1_000 - processed) / 250 });

describe('rebuild progress bar', () => {
  it('formats bar, percentage, counts, rate and eta', () => {
    expect(formatProgress(at(500))).toBe(`[${'#'.repeat(15)}${'-'.repeat(15)}]  50.0% 500/1000 events 250/s eta 2s`);
    expect(formatProgress({ processed: 10, total: 100_000, eventsPerSecond: 1, etaSeconds: 125 })).toContain('eta 2m05s');
    expect(formatProgress({ processed: 0, total: 0, eventsPerSecond: 0, etaSeconds: 0 })).toContain('100.0%');
  });

  it('redraws one line on a terminal, throttled', () => {
    const written: string[] = [];
    let clock = 0;
    const printer = progressPrinter({ isTTY: true, write: (t) => written.push(t) }, { redrawMs: 100, now: () => clock });
    printer.update(at(100));
    clock = 50;
    printer.update(at(200));
    clock = 150;
    printer.update(at(300));
    printer.done();
    expect(written).toHaveLength(4);
    expect(written.slice(0, 3).every((t) => t.startsWith('\r') && !t.includes('\n'))).toBe(true);
    expect(written[1]).toContain('300/1000');
    expect(written[2]).toContain('300/1000');
    expect(written[3]).toBe('\n');
  });

  it('prints whole lines every few seconds elsewhere', () => {
    const written: string[] = [];
    let clock = 0;
    const printer = progressPrinter({ isTTY: false, write: (t) => written.push(t) }, { now: () => clock });
    printer.update(at(100));
    clock = 4_000;
    printer.update(at(200));
    clock = 5_001;
    printer.update(at(300));
    printer.done();
    expect(written.map((t) => t.match(/(\d+)\/1000/)?.[1])).toEqual(['100', '300', '300']);
    expect(written.every((t) => t.endsWith('\n') && !t.includes('\r'))).toBe(true);
  });
});
