export { buildIngestApp, type IngestApp, type IngestAppDeps } from './app.ts';
export { uploadRoutes, UPLOAD_CONTENT_TYPES, type UploadRouteDeps } from './routes/uploads.ts';
export { httpStatusOf } from './http-status.ts';
export { ingestMetrics, type IngestMetrics } from './metrics.ts';
export { requireDataLoader } from './auth.ts';
export { receiveUpload, safeUploadName, type ReceivedUpload } from './upload.ts';
