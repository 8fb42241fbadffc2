import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface AggregatorMetrics {
  registry: Registry;
  recordsConsumed: Counter<'topic'>;
  deadLetters: Counter<'topic' | 'reason'>;
  consumerLag: Gauge<'topic' | 'partition'>;
  recomputeSeconds: Histogram;
  failedAttempts: Counter;
  partitionFailingSeconds: Gauge<'topic' | 'partition'>;
}

/** Consumer lag, records/s (the rate of recordsConsumed) and recompute latency, for Prometheus. */
export function aggregatorMetrics(): AggregatorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    recordsConsumed: new Counter({
      name: 'crimestats_aggregator_records_consumed_total',
      help: 'Records taken from Kafka and stored',
      labelNames: ['topic'],
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: 'crimestats_aggregator_dead_letters_total',
      help: 'Messages sent to a dead-letter topic, by source topic and reason',
      labelNames: ['topic', 'reason'],
      registers: [registry],
    }),
    consumerLag: new Gauge({
      name: 'crimestats_aggregator_consumer_lag',
      help: 'Messages behind the end of each partition at the last batch',
      labelNames: ['topic', 'partition'],
      registers: [registry],
    }),
    recomputeSeconds: new Histogram({
      name: 'crimestats_aggregator_recompute_seconds',
      help: 'Time to recompute and store the figures a batch touched',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers: [registry],
    }),
    failedAttempts: new Counter({
      name: 'crimestats_aggregator_failed_attempts_total',
      help: 'Batch attempts that failed and were retried (Kafka or ClickHouse unavailable)',
      registers: [registry],
    }),
    partitionFailingSeconds: new Gauge({
      name: 'crimestats_aggregator_partition_failing_seconds',
      help: 'How long each partition has been failing without a commit, at its last failed attempt (0 once it commits)',
      labelNames: ['topic', 'partition'],
      registers: [registry],
    }),
  };
}
