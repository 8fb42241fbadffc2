import { monthLabel } from '@crimestats/domain';

/** "South Derbyshire: crime figures to Dec 2025 updated": the area and the newest period's end. */
export const digestSubject = (areaName: string, periodEnd: string): string =>
  `${areaName}: crime figures to ${monthLabel(periodEnd)} updated`;

/** A ping's subject: the subscription works, no figures yet. */
export const pingSubject = (areaName: string): string =>
  `${areaName}: crime figures subscription test`;
