/**
 * Kafka topics, versioned in their names: a breaking change to a message schema gets a new topic
 * rather than surprising old consumers.
 */
export const Topics = {
  /** MonthlyRecord JSON, keyed by force code: one aggregator instance owns a whole force. */
  monthlyRecords: 'crimestats.monthly-records.v1',
  /** Records the aggregator could not use, with the reason and where they came from. */
  monthlyRecordsDeadLetter: 'crimestats.monthly-records.v1.dlq',
  /** PopulationRecord JSON, keyed by force code. */
  populations: 'crimestats.populations.v1',
  /** Populations the aggregator could not use, with the reason and where they came from. */
  populationsDeadLetter: 'crimestats.populations.v1.dlq',
  /** FiguresUpdated JSON, keyed by area code. */
  figuresUpdated: 'crimestats.figures-updated.v1',
  /** Notices the notifier could not read, with the reason and where they came from. */
  figuresUpdatedDeadLetter: 'crimestats.figures-updated.v1.dlq',
} as const;

export const defaultPartitions: Record<string, number> = {
  [Topics.monthlyRecords]: 6,
  [Topics.monthlyRecordsDeadLetter]: 1,
  [Topics.populations]: 1,
  [Topics.populationsDeadLetter]: 1,
  [Topics.figuresUpdated]: 6,
  [Topics.figuresUpdatedDeadLetter]: 1,
};
