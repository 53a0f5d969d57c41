import { describe, expect, it } from 'vitest';
import { readBenchConfig } from '../../bench/config.js';

describe('readBenchConfig', () => {
  it('defaults to the issue sizes and every figure', () => {
    expect(readBenchConfig([], {})).toEqual({ only: null, events: 1_000_000, eodLoans: 100_000, httpSeconds: 5, runs: 3, findCustomers: 2_000 });
  });

  it('reads sizes from the environment, underscores allowed', () => {
    const config = readBenchConfig([], { BENCH_EVENTS: '100_000', BENCH_EOD_LOANS: '10000', BENCH_HTTP_SECONDS: '2', BENCH_RUNS: '1' });
    expect(config).toMatchObject({ events: 100_000, eodLoans: 10_000, httpSeconds: 2, runs: 1 });
  });

  it('treats an empty variable as unset', () => {
    expect(readBenchConfig([], { BENCH_EVENTS: '' }).events).toBe(1_000_000);
  });

  it('refuses a size that is not a positive integer, naming the variable', () => {
    expect(() => readBenchConfig([], { BENCH_EVENTS: '1e6' })).toThrow('BENCH_EVENTS must be a positive integer, got "1e6"');
    expect(() => readBenchConfig([], { BENCH_RUNS: '0' })).toThrow('BENCH_RUNS');
    expect(() => readBenchConfig([], { BENCH_EOD_LOANS: '-5' })).toThrow('BENCH_EOD_LOANS');
  });

  it('reads --only as a separate or an = argument', () => {
    expect(readBenchConfig(['--only', 'http,rebuild.all'], {}).only).toEqual(['http', 'rebuild.all']);
    expect(readBenchConfig(['--only=schedule.360'], {}).only).toEqual(['schedule.360']);
  });

  it('refuses --only without names', () => {
    expect(() => readBenchConfig(['--only'], {})).toThrow('--only needs');
    expect(() => readBenchConfig(['--only=,'], {})).toThrow('--only needs');
  });
});
