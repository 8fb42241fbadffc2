import { Counter, Histogram, type Registry } from 'prom-client';

export interface ReportingMetrics {
  /** One finished request, by its route pattern (never the raw URL, which anyone can vary). */
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
  /** One answer served from the in-process cache, or read from the store. */
  observeAnswer(answer: string, outcome: 'hit' | 'miss'): void;
}

function registered<T>(registry: Registry, name: string, make: () => T): T {
  // An app built twice on one registry (single-machine restarts, tests) reuses its metrics.
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}

export function reportingMetrics(registry: Registry): ReportingMetrics {
  const requests = registered(
    registry,
    'crimestats_reporting_http_requests_total',
    () =>
      new Counter({
        name: 'crimestats_reporting_http_requests_total',
        help: 'HTTP requests answered, by method, route and status',
        labelNames: ['method', 'route', 'status_code'],
        registers: [registry],
      }),
  );
  const duration = registered(
    registry,
    'crimestats_reporting_http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'crimestats_reporting_http_request_duration_seconds',
        help: 'Time to answer HTTP requests, by method, route and status',
        labelNames: ['method', 'route', 'status_code'],
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
        registers: [registry],
      }),
  );
  const answers = registered(
    registry,
    'crimestats_reporting_answers_total',
    () =>
      new Counter({
        name: 'crimestats_reporting_answers_total',
        help: 'Answers given, by kind and whether the in-process cache had them',
        labelNames: ['answer', 'outcome'],
        registers: [registry],
      }),
  );
  return {
    observeRequest({ method, route, status }, seconds) {
      const labels = { method, route, status_code: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    observeAnswer(answer, outcome) {
      answers.inc({ answer, outcome });
    },
  };
}
