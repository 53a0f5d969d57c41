import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { RouterProvider } from 'react-router';
import { retryRead } from '../api/retry';
import { I18nProvider } from '../i18n/i18n';
import { SessionProvider } from '../session/session';
import { PreferencesProvider, usePreferences } from '../settings/preferences';
import { router } from './routes';
import { themeOf } from './theme';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: retryRead, refetchOnWindowFocus: false } } });

function Themed() {
  const { preferences } = usePreferences();
  const zh = preferences.language === 'zh-CN';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={themeOf(preferences)}>
      <AntApp>
        <I18nProvider language={preferences.language}>
          <RouterProvider router={router} />
        </I18nProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Providers, outermost first: server state, session, preferences (the signed-in person's, from the API), then antd's theme and locale and the router. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <PreferencesProvider>
          <Themed />
        </PreferencesProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}
