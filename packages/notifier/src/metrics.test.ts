import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { notifierMetrics } from './metrics.ts';

describe('notifier metrics', () => {
  it('count attempts by outcome and read the backlog from the dispatcher at each scrape', async () => {
    const registry = new Registry();
    const metrics = notifierMetrics(registry);
    let pending = 3;
    metrics.watch({ pendingCount: () => pending, oldestPendingAgeMs: () => 90_500 });
    metrics.attempted('failed', 250);
    metrics.attempted('delivered', 40);
    let text = await registry.metrics();
    expect(text).toContain('crimestats_notifier_deliveries_total{outcome="failed"} 1');
    expect(text).toContain('crimestats_notifier_deliveries_total{outcome="refused"} 0');
    expect(text).toContain('crimestats_notifier_delivery_attempt_seconds_count 2');
    expect(text).toContain('crimestats_notifier_pending_deliveries 3');
    expect(text).toContain('crimestats_notifier_oldest_pending_seconds 90.5');
    pending = 0;
    metrics.watch({ pendingCount: () => pending, oldestPendingAgeMs: () => null });
    text = await registry.metrics();
    expect(text).toContain('crimestats_notifier_pending_deliveries 0');
    expect(text).toContain('crimestats_notifier_oldest_pending_seconds 0');
  });
});
