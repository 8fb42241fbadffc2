import { z } from 'zod';
import { ReferenceAreaRowSchema } from './reference-areas.ts';
import { ReferenceCategoryRowSchema } from './reference-categories.ts';

/**
 * What `crimestats reference load` has stored: the CSP area rows and the force's own category
 * rows, as loaded. Applied to the reference in code they are the reference every reader uses, so
 * a client given them checks codes as the server does.
 */
export const LoadedReferenceSchema = z.object({
  areas: z.array(ReferenceAreaRowSchema),
  categories: z.array(ReferenceCategoryRowSchema),
});
export type LoadedReference = z.infer<typeof LoadedReferenceSchema>;
