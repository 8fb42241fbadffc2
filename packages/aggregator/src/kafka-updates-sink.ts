import { FiguresUpdatedSchema } from '@crimestats/contracts';
import type { Publisher } from '@crimestats/kafka';
import type { FiguresUpdatesSink } from './updates-sink.ts';

/** Figures-updated notices on Kafka, keyed by area so a district's subscription reads them in order. */
export function kafkaUpdatesSink(publisher: Publisher, topic: string): FiguresUpdatesSink {
  return {
    publish: async (updates) => {
      if (updates.length === 0) return;
      await publisher.publish(
        topic,
        FiguresUpdatedSchema,
        updates.map((u) => ({ key: u.areaCode, value: u })),
      );
    },
  };
}
