export {
  clickhouseEngines,
  createChdbTestDatabase,
  createServerTestDatabase,
  createTestDatabase,
  type TestDatabase,
} from './test-database.ts';
export { stopMerges, withMigratedDatabase } from './migrated-database.ts';
