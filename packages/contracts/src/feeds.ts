import { AreaCodeSchema } from '@crimestats/domain';
import { z } from 'zod';

/** `POST /v1/feeds`: a private Atom feed of one CSP area's figures events. */
export const NewFeedSchema = z.object({ area: AreaCodeSchema });
export type NewFeed = z.infer<typeof NewFeedSchema>;

/** A feed as listed: never with its URL, whose token is kept only as a hash. */
export const FeedSchema = z.object({
  id: z.string().min(1),
  area: AreaCodeSchema,
  createdAt: z.iso.datetime(),
});
export type Feed = z.infer<typeof FeedSchema>;

/** The answer to creating one: the only time its private URL is shown. */
export const CreatedFeedSchema = FeedSchema.extend({
  url: z.url().meta({
    description: "The feed's private address, `<public base>/feeds/<token>.atom`: shown once",
  }),
});
export type CreatedFeed = z.infer<typeof CreatedFeedSchema>;
