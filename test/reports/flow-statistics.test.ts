import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/reports/csv.js';
import { buildFlowStatistics, FLOW_STATISTICS_COLUMNS } from '../../src/reports/flow-statistics.js';
import { tx } from './regulatory-fixtures.js';

describe('disbursement and repayment statistics', () => {
  const transactions = [
    tx('2970.00', '2024-01-15', { kind: 'disbursement', channel: 'bank_transfer' }),
    tx('1020.07', '2024-02-15'),
    tx('1020.07', '2024-02-20'),
    tx('500.00', '2024-02-20', { channel: 'wechat' }),
    tx('100', '2024-02-21', { currency: 'JPY' }),
  ];

  it('sums per month, kind, channel and currency', () => {
    expect(buildFlowStatistics(transactions, 'month')).toEqual([
      { period: '2024-01', kind: 'disbursement', channel: 'bank_transfer', currency: 'CNY', count: 1, amount: '2970.00' },
      { period: '2024-02', kind: 'repayment', channel: 'alipay', currency: 'CNY', count: 2, amount: '2040.14' },
      { period: '2024-02', kind: 'repayment', channel: 'alipay', currency: 'JPY', count: 1, amount: '100' },
      { period: '2024-02', kind: 'repayment', channel: 'wechat', currency: 'CNY', count: 1, amount: '500.00' },
    ]);
  });

  it('sums per day', () => {
    const rows = buildFlowStatistics(transactions, 'day');
    expect(rows.map((r) => `${r.period} ${r.channel} ${r.currency} ${r.amount}`)).toEqual([
      '2024-01-15 bank_transfer CNY 2970.00', '2024-02-15 alipay CNY 1020.07', '2024-02-20 alipay CNY 1020.07',
      '2024-02-20 wechat CNY 500.00', '2024-02-21 alipay JPY 100',
    ]);
  });

  it('leaves out a reversed repayment: the money did not stand (QA: a reversed 7 000.00 was counted)', () => {
    const reversed = tx('7000.00', '2024-02-22', { reversedOn: '2024-02-25' });
    expect(buildFlowStatistics([...transactions, reversed], 'month')).toEqual(buildFlowStatistics(transactions, 'month'));
  });

  it('exports as CSV', () => {
    const csv = toCsv(buildFlowStatistics(transactions.slice(0, 1), 'month'), FLOW_STATISTICS_COLUMNS);
    expect(csv).toBe('period,kind,channel,currency,count,amount\r\n2024-01,disbursement,bank_transfer,CNY,1,2970.00\r\n');
  });
});
