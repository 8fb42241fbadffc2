import type { DeadLetterReason, MonthlyRecord, PopulationRecord } from '@crimestats/contracts';
import type { AggregatorReference } from './reference.ts';

/** Why a message that reads well is still refused before anything of it is stored. */
export interface Refusal {
  reason: DeadLetterReason;
  error: string;
}

/**
 * A record must name a CSP area and a category of the reference data. Stored otherwise, it would
 * count in no figure and no report, silently: refused, it is dead-lettered, where it can be seen,
 * fixed and re-published.
 */
export function refuseRecord(
  record: MonthlyRecord,
  reference: AggregatorReference,
): Refusal | undefined {
  const area = reference.areas.byCode(record.areaCode);
  if (area === undefined) {
    return {
      reason: 'unknown-area',
      error: `areaCode: ${record.areaCode} is not an area of the reference data`,
    };
  }
  if (area.kind !== 'csp') {
    return {
      reason: 'unknown-area',
      error: `areaCode: ${record.areaCode} (${area.name}) is a ${area.kind} area; records are for CSP areas, and rollups are computed from them`,
    };
  }
  if (reference.categories.byCode(record.category) === undefined) {
    return {
      reason: 'unknown-category',
      error: `category: ${record.category} is not a category of the reference data`,
    };
  }
  return undefined;
}

/** A population must be for an area of the reference data (a rollup may carry its own). */
export function refusePopulation(
  population: PopulationRecord,
  reference: AggregatorReference,
): Refusal | undefined {
  if (reference.areas.byCode(population.areaCode) !== undefined) return undefined;
  return {
    reason: 'unknown-area',
    error: `areaCode: ${population.areaCode} is not an area of the reference data`,
  };
}
