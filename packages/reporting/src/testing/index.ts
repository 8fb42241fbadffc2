export { PLAN_COMPUTED_AT, figureRowsFromComparison, planFigureRows } from './plan-figures.ts';
export { answerRow, answerWith, county, force } from './answers.ts';
export {
  PLAN_LOADED_AT,
  otherSourceRecords,
  planRecords,
  populationRecords,
  recordsOf,
  type CountRow,
  type LoadOptions,
} from './loaded-records.ts';
export {
  comparisonHeader,
  expectedComparisonCells,
  expectedIncreaseCells,
  packTable,
  readPackWorkbook,
  type PackCell,
  type PackTable,
} from './board-pack-cells.ts';
