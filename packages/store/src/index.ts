export { openClickHouse, type ClickHouseTarget } from './client.ts';
