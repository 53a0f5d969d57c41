import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { ProductsPage } from '../portal/ProductsPage';
import { homeOf } from '../session/return-path';
import { useSession } from '../session/session';
import { PageSpinner } from '../shell/PageSpinner';
import { PortalLayout } from '../shell/PortalLayout';
import { QUEUES } from '../queues/queues';
import { OFFICE_PAGE_ROLES, STAFF } from '../shell/office-access';
import { RequireRole } from '../shell/RequireRole';

// Lazily loaded pages.
const AccountPage = lazy(() => import('../portal/AccountPage').then((m) => ({ default: m.AccountPage })));
const ApplyPage = lazy(() => import('../portal/ApplyPage').then((m) => ({ default: m.ApplyPage })));
const MyLoanPage = lazy(() => import('../portal/MyLoanPage').then((m) => ({ default: m.MyLoanPage })));
const ReceiptsPage = lazy(() => import('../portal/ReceiptsPage').then((m) => ({ default: m.ReceiptsPage })));
const ReceiptPage = lazy(() => import('../portal/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));
const MyLoansPage = lazy(() => import('../portal/MyLoansPage').then((m) => ({ default: m.MyLoansPage })));
const DevLoginPage = lazy(() => import('../session/DevLoginPage').then((m) => ({ default: m.DevLoginPage })));
const RegisterPage = lazy(() => import('../session/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const LoansListPage = lazy(() => import('../search/LoansListPage').then((m) => ({ default: m.LoansListPage })));
const SearchPage = lazy(() => import('../search/SearchPage').then((m) => ({ default: m.SearchPage })));
const SuspenseQueuePage = lazy(() => import('../queues/SuspenseQueuePage').then((m) => ({ default: m.SuspenseQueuePage })));
const StatementImportPage = lazy(() => import('../payments/StatementImportPage').then((m) => ({ default: m.StatementImportPage })));
const QueuePage = lazy(() => import('../queues/QueuePage').then((m) => ({ default: m.QueuePage })));
const LoginPage = lazy(() => import('../session/LoginPage').then((m) => ({ default: m.LoginPage })));
// Only the portal's landing page is in the first chunk; every other page (the back office and its charts
// above all) loads when opened, so a borrower's first visit stays small.
const OfficeLayout = lazy(() => import('../shell/OfficeLayout').then((m) => ({ default: m.OfficeLayout })));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));
const LoanPage = lazy(() => import('../loans/LoanPage').then((m) => ({ default: m.LoanPage })));
const OfficeApplyPage = lazy(() => import('../loans/OfficeApplyPage').then((m) => ({ default: m.OfficeApplyPage })));
const TimelinePage = lazy(() => import('../compliance/TimelinePage').then((m) => ({ default: m.TimelinePage })));
const CustomerPage = lazy(() => import('../customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const NewCustomerPage = lazy(() => import('../customers/NewCustomerPage').then((m) => ({ default: m.NewCustomerPage })));
const ReportsPage = lazy(() => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const OperationsPage = lazy(() => import('../operations/OperationsPage').then((m) => ({ default: m.OperationsPage })));
const AuditPage = lazy(() => import('../audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('../users/UsersPage').then((m) => ({ default: m.UsersPage })));
const OfficeProductsPage = lazy(() => import('../products/OfficeProductsPage').then((m) => ({ default: m.OfficeProductsPage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageSpinner />}>{children}</Suspense>;
}

const SUSPENSE_ROLES = QUEUES.find((q) => q.name === 'payment-suspense')?.roles ?? STAFF;

/** `/` sends a signed-in user home (portal or back office) and anyone else to the login page. */
function Home() {
  const { session } = useSession();
  return <Navigate to={session ? homeOf(session.role) : '/login'} replace />;
}

export const router = createBrowserRouter([
  { path: '/', element: <Home /> },
  { path: '/login', element: <Loading><LoginPage /></Loading> },
  { path: '/register', element: <Loading><RegisterPage /></Loading> },
  { path: '/dev-login', element: <Loading><DevLoginPage /></Loading> },
  {
    path: '/portal',
    element: <RequireRole roles={['borrower']}><PortalLayout /></RequireRole>,
    children: [
      { index: true, element: <ProductsPage /> },
      { path: 'apply/:productId', element: <ApplyPage /> },
      { path: 'loans', element: <MyLoansPage /> },
      { path: 'loans/:loanId', element: <MyLoanPage /> },
      { path: 'loans/:loanId/receipts', element: <ReceiptsPage /> },
      { path: 'loans/:loanId/receipts/:revision', element: <ReceiptPage /> },
      { path: 'account', element: <AccountPage /> },
    ],
  },
  {
    path: '/office',
    element: <RequireRole roles={STAFF}><Loading><OfficeLayout /></Loading></RequireRole>,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'loans', element: <LoansListPage /> },
      { path: 'loans/:loanId', element: <LoanPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'queues/payment-suspense', element: <RequireRole roles={SUSPENSE_ROLES}><SuspenseQueuePage /></RequireRole> },
      { path: 'queues/:queue', element: <QueuePage /> },
      { path: 'payments/statements', element: <RequireRole roles={OFFICE_PAGE_ROLES.statements}><StatementImportPage /></RequireRole> },
      { path: 'loans/:loanId/timeline', element: <TimelinePage /> },
      { path: 'apply', element: <RequireRole roles={OFFICE_PAGE_ROLES.apply}><OfficeApplyPage /></RequireRole> },
      { path: 'customers/new', element: <RequireRole roles={OFFICE_PAGE_ROLES.newCustomer}><NewCustomerPage /></RequireRole> },
      { path: 'customers/:customerId', element: <CustomerPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'operations', element: <RequireRole roles={OFFICE_PAGE_ROLES.operations}><OperationsPage /></RequireRole> },
      { path: 'products', element: <OfficeProductsPage /> },
      { path: 'audit', element: <RequireRole roles={OFFICE_PAGE_ROLES.audit}><AuditPage /></RequireRole> },
      { path: 'users', element: <RequireRole roles={OFFICE_PAGE_ROLES.users}><UsersPage /></RequireRole> },
    ],
  },
  { path: '*', element: <Home /> },
]);
