import type { ClickHouseClient } from '@clickhouse/client';
import { DataBasisRepository } from './repositories/data-basis.ts';
import { DeliveriesRepository } from './repositories/deliveries.ts';
import { FeedsRepository } from './repositories/feeds.ts';
import { FigureEventsRepository } from './repositories/figure-events.ts';
import { FigureSummariesRepository } from './repositories/figure-summaries.ts';
import { FiguresRepository } from './repositories/figures.ts';
import { InputRevisionsRepository } from './repositories/input-revisions.ts';
import { LoadsRepository } from './repositories/loads.ts';
import { MonthlyRecordsRepository } from './repositories/monthly-records.ts';
import { PopulationsRepository } from './repositories/populations.ts';
import { ReferenceAreasRepository } from './repositories/reference-areas.ts';
import { ReferenceCategoriesRepository } from './repositories/reference-categories.ts';
import { SubscriptionsRepository } from './repositories/subscriptions.ts';

export interface Store {
  monthlyRecords: MonthlyRecordsRepository;
  figures: FiguresRepository;
  figureSummaries: FigureSummariesRepository;
  loads: LoadsRepository;
  populations: PopulationsRepository;
  referenceAreas: ReferenceAreasRepository;
  referenceCategories: ReferenceCategoriesRepository;
  basis: DataBasisRepository;
  subscriptions: SubscriptionsRepository;
  figureEvents: FigureEventsRepository;
  deliveries: DeliveriesRepository;
  feeds: FeedsRepository;
  inputRevisions: InputRevisionsRepository;
}

/** The repositories over one client and database (migrated beforehand with `migrate`). */
export function createStore(client: ClickHouseClient, database: string): Store {
  return {
    monthlyRecords: new MonthlyRecordsRepository(client, database),
    figures: new FiguresRepository(client, database),
    figureSummaries: new FigureSummariesRepository(client, database),
    loads: new LoadsRepository(client, database),
    populations: new PopulationsRepository(client, database),
    referenceAreas: new ReferenceAreasRepository(client, database),
    referenceCategories: new ReferenceCategoriesRepository(client, database),
    basis: new DataBasisRepository(client, database),
    subscriptions: new SubscriptionsRepository(client, database),
    figureEvents: new FigureEventsRepository(client, database),
    deliveries: new DeliveriesRepository(client, database),
    feeds: new FeedsRepository(client, database),
    inputRevisions: new InputRevisionsRepository(client, database),
  };
}
