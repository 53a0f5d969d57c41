import { Form, Input, Select } from 'antd';
import { useT } from '../i18n/i18n';
import { NATIONAL_ID_TYPES, nationalIdRules } from '../shell/resident-id-rules';

/**
 * The identity document's kind (居民身份证 by default, 护照, 其他) and its number, inside a Form: a resident
 * identity number is checked (18 characters, region, birth date, check character) as a field message.
 * Sends `nationalIdType` and `nationalId`.
 */
export function NationalIdFields() {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item name="nationalIdType" label={t('customer.nationalIdType')} initialValue="cn_resident">
        <Select options={NATIONAL_ID_TYPES.map((type) => ({ value: type, label: t(`idType.${type}`) }))} />
      </Form.Item>
      <Form.Item name="nationalId" label={t('customer.nationalId')} dependencies={['nationalIdType']}
        rules={nationalIdRules(t, () => form.getFieldValue('nationalIdType'))}>
        <Input autoComplete="off" />
      </Form.Item>
    </>
  );
}
