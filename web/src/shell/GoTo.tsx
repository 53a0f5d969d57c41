import { Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';

/** Opens a loan or a customer by id. (Search by name or phone, GET /v1/customers?q= and GET /v1/loans, is issue #14.) */
export function GoTo() {
  const t = useT();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'loans' | 'customers'>('loans');
  return (
    <Space.Compact>
      <Select aria-label={t('goto.kind')} value={kind} onChange={setKind} style={{ width: 96 }}
        options={[{ value: 'loans', label: t('goto.loan') }, { value: 'customers', label: t('goto.customer') }]} />
      <Input.Search aria-label={t('goto.id')} placeholder={t('goto.placeholder')} allowClear style={{ width: 260, maxWidth: '60vw' }}
        enterButton={t('goto.open')} onSearch={(id) => id.trim() && navigate(`/office/${kind}/${encodeURIComponent(id.trim())}`)} />
    </Space.Compact>
  );
}
