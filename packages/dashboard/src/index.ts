export {
  CONTENT_SECURITY_POLICY,
  DASHBOARD_ASSETS,
  PUBLIC_DIR,
  dashboardRoutes,
} from './routes.ts';
