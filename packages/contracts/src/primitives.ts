import { z } from 'zod';

/** `YYYY-MM`, months 01–12. */
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** An ONS area code such as E07000039: a letter, then eight digits. */
export const AreaCodeSchema = z
  .string()
  .regex(/^[EWSNK]\d{8}$/, 'expected an ONS area code such as E07000039');

/** A category code as the contract forms it from a label: lower-case words joined by `-`. */
export const CategoryCodeSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a category code such as vehicle-crime');

export const CountSchema = z.number().int().nonnegative();
