import { AuditOutlined, BankOutlined, BarChartOutlined, TeamOutlined, DashboardOutlined, FileAddOutlined, InboxOutlined, ProductOutlined, SettingOutlined, UnorderedListOutlined, UserAddOutlined } from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/types';
import { useT, type MessageKey } from '../i18n/i18n';
import { QUEUES } from '../queues/queues';
import { useSession } from '../session/session';
import { PreferenceToggles } from '../settings/PreferenceToggles';
import { GoTo } from './GoTo';
import { OFFICE_PAGE_ROLES, STAFF } from './office-access';
import { PageSpinner } from './PageSpinner';
import { UserMenu } from './UserMenu';
import { useBusinessDate } from './business-date';

interface Section {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  roles: readonly Role[];
}

/** The back office's sections and who sees them (the API decides what each may actually do). */
const SECTIONS: Section[] = [
  { path: '/office', label: 'nav.dashboard', icon: <DashboardOutlined />, roles: STAFF },
  { path: '/office/loans', label: 'nav.loans', icon: <UnorderedListOutlined />, roles: STAFF },
  ...QUEUES.map((q) => ({ path: `/office/queues/${q.name}`, label: q.title, icon: <InboxOutlined />, roles: q.roles })),
  { path: '/office/customers/new', label: 'nav.newCustomer', icon: <UserAddOutlined />, roles: OFFICE_PAGE_ROLES.newCustomer },
  { path: '/office/apply', label: 'nav.apply', icon: <FileAddOutlined />, roles: OFFICE_PAGE_ROLES.apply },
  { path: '/office/payments/statements', label: 'nav.statements', icon: <BankOutlined />, roles: OFFICE_PAGE_ROLES.statements },
  { path: '/office/reports', label: 'nav.reports', icon: <BarChartOutlined />, roles: STAFF },
  { path: '/office/products', label: 'nav.products', icon: <ProductOutlined />, roles: STAFF },
  { path: '/office/audit', label: 'nav.audit', icon: <AuditOutlined />, roles: OFFICE_PAGE_ROLES.audit },
  { path: '/office/users', label: 'nav.users', icon: <TeamOutlined />, roles: OFFICE_PAGE_ROLES.users },
  { path: '/office/operations', label: 'nav.operations', icon: <SettingOutlined />, roles: OFFICE_PAGE_ROLES.operations },
];

/** The back office frame: a side menu (collapses to nothing on a phone), a header with search, preferences and the user. */
export function OfficeLayout() {
  const t = useT();
  const { session } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Fetched once per session: the lender's calendar and the time zone business times are shown in.
  useBusinessDate();
  const visible = SECTIONS.filter((s) => session && s.roles.includes(session.role));
  // The section the page belongs to (a loan under 贷款列表); none for a page outside the menu (a customer), where
  // the fallback to 总览 used to mark the dashboard as the page being read.
  const selected = visible.filter((s) => pathname === s.path || (s.path !== '/office' && pathname.startsWith(`${s.path}/`))).map((s) => s.path);
  // On a narrow screen the menu collapses to its ⋮ trigger, which sits over the header's left edge: make room for it.
  const [menuCollapsed, setMenuCollapsed] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200} zeroWidthTriggerStyle={{ top: 8 }} onCollapse={setMenuCollapsed}>
        <div style={{ padding: 16 }}><Typography.Title level={4} style={{ margin: 0 }}>{t('app.office')}</Typography.Title></div>
        <nav aria-label={t('nav.office')}>
          <Menu mode="inline" selectedKeys={selected} onClick={({ key }) => navigate(key)}
            items={visible.map((s) => ({ key: s.path, icon: s.icon, label: t(s.label) }))} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ height: 'auto', lineHeight: 'normal', padding: menuCollapsed ? '8px 16px 8px 56px' : '8px 16px', display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', background: 'transparent' }}>
          <GoTo />
          <PreferenceToggles />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <main><Suspense fallback={<PageSpinner />}><Outlet /></Suspense></main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
