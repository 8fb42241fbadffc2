/**
 * Annual volumes per CSP area behind the South Derbyshire CSP plan 2026–2029 tables
 * (test/fixtures/reference/plan-tables-2025.csv). `current` is Jan–Dec 2025, `previous` Jan–Dec 2024.
 *
 * Total recorded crime's previous volumes are the plan's. The plan prints no 2024 figures for
 * the other three categories, so those are invented but plausible; South Derbyshire's follow
 * the plan's text (business burglary up 77%, theft of a motor vehicle up 15%).
 * Rollups are deliberately absent: the statistics must produce them from these.
 */
export interface AnnualTarget {
  areaCode: string;
  category: string;
  current: number;
  previous: number;
  /** True when `previous` is the plan's own figure rather than an invented one. */
  previousFromPlan: boolean;
}

type Volumes = Readonly<Record<string, readonly [current: number, previous: number]>>;

const AREA_CODES: Readonly<Record<string, string>> = {
  'Amber Valley': 'E07000032',
  Bolsover: 'E07000033',
  Chesterfield: 'E07000034',
  'Derbyshire Dales': 'E07000035',
  Erewash: 'E07000036',
  'High Peak': 'E07000037',
  'North East Derbyshire': 'E07000038',
  'South Derbyshire': 'E07000039',
  'Derby City': 'E06000015',
};

const TOTAL_RECORDED_CRIME: Volumes = {
  'Amber Valley': [8833, 8866],
  Bolsover: [5678, 6014],
  Chesterfield: [10629, 10578],
  'Derbyshire Dales': [3330, 3241],
  Erewash: [8326, 8691],
  'High Peak': [5363, 5561],
  'North East Derbyshire': [5669, 5460],
  'South Derbyshire': [6267, 6448],
  'Derby City': [30526, 29891],
};

const BURGLARY_BUSINESS_AND_COMMUNITY: Volumes = {
  'Amber Valley': [85, 92],
  Bolsover: [127, 131],
  Chesterfield: [170, 158],
  'Derbyshire Dales': [64, 57],
  Erewash: [91, 88],
  'High Peak': [62, 66],
  'North East Derbyshire': [82, 79],
  'South Derbyshire': [62, 35],
  'Derby City': [279, 301],
};

const THEFT_OF_A_MOTOR_VEHICLE: Volumes = {
  'Amber Valley': [143, 139],
  Bolsover: [176, 161],
  Chesterfield: [148, 152],
  'Derbyshire Dales': [61, 66],
  Erewash: [177, 170],
  'High Peak': [143, 131],
  'North East Derbyshire': [117, 109],
  'South Derbyshire': [194, 169],
  'Derby City': [460, 488],
};

const ANTI_SOCIAL_BEHAVIOUR: Volumes = {
  'Amber Valley': [1727, 1815],
  Bolsover: [1143, 1221],
  Chesterfield: [2221, 2388],
  'Derbyshire Dales': [699, 731],
  Erewash: [1573, 1640],
  'High Peak': [1238, 1302],
  'North East Derbyshire': [1242, 1297],
  'South Derbyshire': [1080, 1154],
  'Derby City': [4993, 5342],
};

function targets(category: string, volumes: Volumes, previousFromPlan: boolean): AnnualTarget[] {
  return Object.entries(volumes).map(([areaName, [current, previous]]) => ({
    areaCode: AREA_CODES[areaName] ?? areaName,
    category,
    current,
    previous,
    previousFromPlan,
  }));
}

export const PLAN_2025_TARGETS: readonly AnnualTarget[] = [
  ...targets('total-recorded-crime', TOTAL_RECORDED_CRIME, true),
  ...targets('burglary-business-and-community', BURGLARY_BUSINESS_AND_COMMUNITY, false),
  ...targets('theft-of-a-motor-vehicle', THEFT_OF_A_MOTOR_VEHICLE, false),
  ...targets('anti-social-behaviour', ANTI_SOCIAL_BEHAVIOUR, false),
];
