import { theme, type ThemeConfig } from 'antd';
import type { Preferences } from '../settings/preferences';

/**
 * antd's algorithms for theme and density, with colours darkened (light) or lightened (dark) where
 * the defaults fall short of WCAG AA contrast: the primary blue behind white text (hovered and pressed too), grey secondary text, and the red of a
 * field's message (#ff4d4f is 3.3:1 on white; #cf1322 is 5.9:1 — QA 12 W12's bank account message).
 * Motion is off for users who ask their system for reduced motion.
 */
export function themeOf(preferences: Preferences): ThemeConfig {
  const dark = preferences.theme === 'dark';
  const algorithm = [dark ? theme.darkAlgorithm : theme.defaultAlgorithm, ...(preferences.density === 'compact' ? [theme.compactAlgorithm] : [])];
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    algorithm,
    token: { motion: !reducedMotion, ...(dark
      ? { colorPrimary: '#69b1ff', colorLink: '#69b1ff', colorTextLightSolid: '#000000', colorTextTertiary: 'rgba(255,255,255,0.7)', colorTextDescription: 'rgba(255,255,255,0.7)' }
      : { colorPrimary: '#0958d9', colorPrimaryHover: '#003eb3', colorPrimaryActive: '#002c8c', colorLink: '#0958d9', colorError: '#cf1322', colorTextTertiary: 'rgba(0,0,0,0.65)', colorTextDescription: 'rgba(0,0,0,0.65)', colorTextPlaceholder: 'rgba(0,0,0,0.55)' }) },
    components: {
      Layout: { headerBg: dark ? '#001529' : '#002766' },
      ...(dark ? { Menu: { itemSelectedColor: '#ffffff', itemSelectedBg: '#15395b' } } : {}),
    },
  };
}
