import { Segmented, Space } from 'antd';
import { useT } from '../i18n/i18n';
import { usePreferences } from './preferences';

/** Language, theme and density switches, one click each; shown in every page header. */
export function PreferenceToggles() {
  const t = useT();
  const { preferences, update } = usePreferences();
  return (
    <Space wrap size="small">
      <Segmented
        size="small"
        aria-label={t('prefs.language')}
        value={preferences.language}
        options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]}
        onChange={(language) => update({ language: language as 'zh-CN' | 'en-US' })}
      />
      <Segmented
        size="small"
        aria-label={t('prefs.theme')}
        value={preferences.theme}
        options={[{ label: t('prefs.light'), value: 'light' }, { label: t('prefs.dark'), value: 'dark' }]}
        onChange={(theme) => update({ theme: theme as 'light' | 'dark' })}
      />
      <Segmented
        size="small"
        aria-label={t('prefs.density')}
        value={preferences.density}
        options={[{ label: t('prefs.comfortable'), value: 'comfortable' }, { label: t('prefs.compact'), value: 'compact' }]}
        onChange={(density) => update({ density: density as 'comfortable' | 'compact' })}
      />
    </Space>
  );
}
