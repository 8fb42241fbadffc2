import { AreaCodeSchema, YearSchema } from '@crimestats/domain';
import { z } from 'zod';

/** An ONS mid-year population total, as published to the populations topic. */
export const PopulationRecordSchema = z.object({
  areaCode: AreaCodeSchema,
  year: YearSchema,
  population: z.number().int().positive(),
  source: z.object({ file: z.string().min(1) }),
  revision: z.number().int().positive(),
  batchId: z.string().uuid(),
});
export type PopulationRecord = z.infer<typeof PopulationRecordSchema>;
