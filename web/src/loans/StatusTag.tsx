import { Tag } from 'antd';
import { useT, type MessageKey } from '../i18n/i18n';

/** A loan or application status in the user's language (a plain tag: antd's coloured tags fall short of AA contrast). */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const key = `status.${status}` as MessageKey;
  return <Tag>{t(key) ?? status}</Tag>;
}
