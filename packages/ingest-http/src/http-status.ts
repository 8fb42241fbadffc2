import type { BatchReport } from '@crimestats/contracts';

/** 200 when every file was accepted, 503 when publishing failed (worth retrying), else 422. */
export function httpStatusOf(report: BatchReport): 200 | 422 | 503 {
  if (report.files.some((f) => f.status === 'publish-failed')) return 503;
  return report.ok ? 200 : 422;
}
