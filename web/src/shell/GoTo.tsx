import { Input } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';

/** The header's search box: a name, phone, national id, e-mail or id, answered by the search page (GET /v1/customers?q=). */
export function GoTo() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Input.Search aria-label={t('search.label')} placeholder={t('search.placeholder')} allowClear style={{ width: 320, maxWidth: '70vw' }} data-testid="search"
      enterButton={t('search.submit')} onSearch={(q) => q.trim() && navigate(`/office/search?q=${encodeURIComponent(q.trim())}`)} />
  );
}
