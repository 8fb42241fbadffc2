import type { FiguresUpdated } from '@crimestats/contracts';

/** Where figures-updated notices go: a Kafka topic, or in-process subscribers in single-machine mode. */
export interface FiguresUpdatesSink {
  publish(updates: FiguresUpdated[]): Promise<void>;
}

export const discardUpdates: FiguresUpdatesSink = { publish: async () => {} };
