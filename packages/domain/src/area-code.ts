import { z } from 'zod';

/** A GSS/ONS area code such as `E07000039`: a nation letter (or K, for UK-wide areas), eight digits. */
export const AREA_CODE_PATTERN = /^[EWSNK]\d{8}$/;

export const AreaCodeSchema = z
  .string()
  .regex(AREA_CODE_PATTERN, 'expected an ONS area code such as E07000039');
