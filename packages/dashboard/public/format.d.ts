// Types of format.js (plain JavaScript served to the browser as is), for the unit test.
export declare const MISSING: string;
export declare function toFixedHalfAwayFromZero(value: number, decimals: number): string;
export declare function groupThousands(decimal: string): string;
export declare function formatCount(value: number | null | undefined): string;
export declare function formatRate(value: number | null | undefined): string;
export declare function formatPercent(value: number | null | undefined): string;
export declare function chartRate(value: number | null | undefined): number | null;
export declare function monthLabel(month: string): string;
export declare function monthsBefore(month: string, count: number): string;
