export { PLAN_COMPUTED_AT, figureRowsFromComparison, planFigureRows } from './plan-figures.ts';
export { answerRow, answerWith, county, force } from './answers.ts';
