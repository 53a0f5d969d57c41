import { Button, Space, Typography } from 'antd';
import { useT } from '../i18n/i18n';

/** Previous / next page over a cursor-paged list, with the page number. */
export function PagerButtons({ page, nextCursor, onPrevious, onNext }: { page: number; nextCursor: string | null | undefined; onPrevious(): void; onNext(cursor: string): void }) {
  const t = useT();
  return (
    <Space style={{ marginTop: 12 }}>
      <Button disabled={page <= 1} onClick={onPrevious}>{t('list.previous')}</Button>
      <Typography.Text>{t('list.page', { n: page })}</Typography.Text>
      <Button disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)} data-testid="next-page">{t('list.next')}</Button>
    </Space>
  );
}
