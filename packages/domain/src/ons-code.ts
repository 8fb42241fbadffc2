import { z } from 'zod';

/** A GSS/ONS area code such as `E07000039`: a nation letter and eight digits. */
export const OnsCodeSchema = z
  .string()
  .regex(/^[EWSN]\d{8}$/, 'expected an ONS area code such as E07000039');
