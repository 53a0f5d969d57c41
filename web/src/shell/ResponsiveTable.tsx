import { Card, Descriptions, Grid, List, Table } from 'antd';
import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

/** One column: its header, and how a row shows in it (the same renderer serves the table cell and the phone card line). */
export interface ResponsiveColumn<T> {
  key: string;
  title: string;
  render(row: T): ReactNode;
  align?: 'left' | 'right';
}

interface Props<T> {
  label: string;
  rows: T[];
  rowKey(row: T): string;
  columns: ResponsiveColumn<T>[];
  loading?: boolean;
  empty?: string;
  testId?: string;
  /** The card's title on a phone (defaults to the first column). */
  cardTitle?(row: T): ReactNode;
}

/**
 * A table on a wide screen (md and up, in a keyboard-scrollable region) and a list of cards on a
 * phone, from one column list: every column becomes a labelled line of the card. The card's title
 * wraps rather than ending in an ellipsis: ids differ in their last digits.
 */
export function ResponsiveTable<T extends object>({ label, rows, rowKey, columns, loading, empty, testId, cardTitle }: Props<T>) {
  const phone = !Grid.useBreakpoint().md;
  if (phone) {
    const [first, ...rest] = columns;
    return (
      <List data-testid={testId} aria-label={label} dataSource={rows} loading={loading} locale={empty ? { emptyText: empty } : undefined}
        rowKey={rowKey} renderItem={(row) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={<span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{cardTitle ? cardTitle(row) : first?.render(row)}</span>}>
              <Descriptions size="small" column={1} items={(cardTitle ? columns : rest).map((c) => ({ key: c.key, label: c.title, children: c.render(row) }))} />
            </Card>
          </List.Item>
        )} />
    );
  }
  return (
    <ScrollRegion label={label}>
      <Table<T> data-testid={testId} size="small" pagination={false} loading={loading} dataSource={rows} rowKey={rowKey}
        locale={empty ? { emptyText: empty } : undefined}
        columns={columns.map((c) => ({ key: c.key, title: c.title, align: c.align, render: (_: unknown, row: T) => c.render(row) }))} />
    </ScrollRegion>
  );
}
