import { describe, expect, it } from 'vitest';
import { loadAggregatorConfig } from './config.ts';

const required = { KAFKA_BROKERS: '127.0.0.1:9092', CLICKHOUSE_URL: 'http://127.0.0.1:8123' };

describe('aggregator configuration', () => {
  it('reports a partition stuck after five minutes unless told otherwise', () => {
    expect(loadAggregatorConfig(required).AGGREGATOR_STUCK_AFTER_MS).toBe(300_000);
    expect(
      loadAggregatorConfig({ ...required, AGGREGATOR_STUCK_AFTER_MS: '60000' })
        .AGGREGATOR_STUCK_AFTER_MS,
    ).toBe(60_000);
  });

  it('refuses a stuck time that is not a whole number of milliseconds of at least one second', () => {
    for (const bad of ['0', '999', '-5', '1.5', 'soon']) {
      expect(() => loadAggregatorConfig({ ...required, AGGREGATOR_STUCK_AFTER_MS: bad })).toThrow(
        /AGGREGATOR_STUCK_AFTER_MS/,
      );
    }
  });

  it('names the populations dead-letter topic like the others', () => {
    expect(loadAggregatorConfig(required).TOPIC_POPULATIONS_DEAD_LETTER).toBeUndefined();
    expect(
      loadAggregatorConfig({ ...required, TOPIC_POPULATIONS_DEAD_LETTER: 'p.dlq' })
        .TOPIC_POPULATIONS_DEAD_LETTER,
    ).toBe('p.dlq');
  });
});
