import type { AttemptOutcome } from '@crimestats/contracts';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the pending gauges read at each scrape: the dispatcher. */
export interface PendingSource {
  pendingCount(): number;
  oldestPendingAgeMs(): number | null;
}

export interface NotifierMetrics {
  deliveries: Counter<'outcome'>;
  attemptSeconds: Histogram;
  pending: Gauge;
  oldestPendingSeconds: Gauge;
  /** Points the pending gauges at a dispatcher (the latest one watched). */
  watch(source: PendingSource): void;
  /** Counts one attempt and its duration. */
  attempted(outcome: AttemptOutcome, durationMs: number): void;
}

/** Attempts by outcome, their latency, and the backlog of deliveries still to get through. */
export function notifierMetrics(registry: Registry): NotifierMetrics {
  let source: PendingSource | undefined;
  const deliveries = new Counter({
    name: 'crimestats_notifier_deliveries_total',
    help: 'Delivery attempts by outcome (delivered, gone, failed, refused)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const attemptSeconds = new Histogram({
    name: 'crimestats_notifier_delivery_attempt_seconds',
    help: 'Time of one delivery attempt, from resolving the target to the answer',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const pending = new Gauge({
    name: 'crimestats_notifier_pending_deliveries',
    help: 'Deliveries this notifier holds that have not yet been delivered, died or been cancelled',
    registers: [registry],
    collect() {
      this.set(source?.pendingCount() ?? 0);
    },
  });
  const oldestPendingSeconds = new Gauge({
    name: 'crimestats_notifier_oldest_pending_seconds',
    help: 'Age of the oldest pending delivery since its event (0 when none is pending)',
    registers: [registry],
    collect() {
      this.set((source?.oldestPendingAgeMs() ?? 0) / 1000);
    },
  });
  for (const outcome of ['delivered', 'gone', 'failed', 'refused'] as const) {
    deliveries.inc({ outcome }, 0);
  }
  return {
    deliveries,
    attemptSeconds,
    pending,
    oldestPendingSeconds,
    watch: (next) => {
      source = next;
    },
    attempted: (outcome, durationMs) => {
      deliveries.inc({ outcome });
      attemptSeconds.observe(durationMs / 1000);
    },
  };
}
