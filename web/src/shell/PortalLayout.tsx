import { AppstoreOutlined, CreditCardOutlined, UserOutlined } from '@ant-design/icons';
import { Layout, Space, theme, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../i18n/i18n';
import { PreferenceToggles } from '../settings/PreferenceToggles';
import { UserMenu } from './UserMenu';
import { PageSpinner } from './PageSpinner';
import { useBusinessDate } from './business-date';

/** The borrower portal's frame, phone-first: a one-column page under a header, the sections as plain links (light on a phone). */
export function PortalLayout() {
  const t = useT();
  const { pathname } = useLocation();
  // Fetched once per session: the lender's calendar and the time zone business times are shown in.
  useBusinessDate();
  const { token } = theme.useToken();
  const section = ['/portal/loans', '/portal/account'].find((p) => pathname.startsWith(p)) ?? '/portal';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ height: 'auto', lineHeight: 'normal', padding: '8px 12px', display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0, color: '#fff' }}>{t('app.portal')}</Typography.Title>
        <PreferenceToggles />
      </Layout.Header>
      <nav aria-label={t('nav.portal')}>
        <Space size="large" style={{ padding: '10px 12px', background: token.colorBgContainer, width: '100%', overflowX: 'auto' }}>
          {[
            { key: '/portal', icon: <AppstoreOutlined />, label: t('nav.products') },
            { key: '/portal/loans', icon: <CreditCardOutlined />, label: t('nav.myLoans') },
            { key: '/portal/account', icon: <UserOutlined />, label: t('nav.account') },
          ].map((item) => (
            <Link key={item.key} to={item.key} aria-current={section === item.key ? 'page' : undefined}
              style={{ color: token.colorLink, fontWeight: section === item.key ? 600 : 400, whiteSpace: 'nowrap', textDecoration: section === item.key ? 'underline' : 'none' }}>
              {item.icon} {item.label}
            </Link>
          ))}
        </Space>
      </nav>
      <Layout.Content style={{ padding: 12, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <main>
          <div style={{ marginBottom: 12, textAlign: 'right' }}><UserMenu /></div>
          <Suspense fallback={<PageSpinner />}><Outlet /></Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}
