export { yearRecords } from './year-records.ts';
