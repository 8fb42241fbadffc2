import { describe, expect, it } from 'vitest';
import { textTable, type TextColumn } from './text-table.ts';

const columns: TextColumn[] = [
  { header: 'Name', align: 'left' },
  { header: 'N', align: 'right' },
  { header: 'Note', align: 'left' },
];

describe('textTable', () => {
  it('pads each column to its widest cell, left or right, with a rule under the header', () => {
    expect(
      textTable(columns, [
        [
          ['Alpha', '1', 'x'],
          ['B', '1,000', ''],
        ],
      ]),
    ).toBe(
      ['Name       N  Note', '------------------', 'Alpha      1  x', 'B      1,000'].join('\n'),
    );
  });

  it('sets groups apart with a rule and skips empty groups', () => {
    const text = textTable(columns, [[['A', '1', 'a']], [], [['Total', '2', 'b']]]);
    expect(text.split('\n')).toEqual([
      'Name   N  Note',
      '--------------',
      'A      1  a',
      '--------------',
      'Total  2  b',
    ]);
  });

  it('prints the header alone when there are no rows', () => {
    expect(textTable(columns, [[], []])).toBe('Name  N  Note\n-------------');
  });

  it('leaves no trailing spaces', () => {
    const text = textTable(columns, [
      [
        ['A', '1', ''],
        ['Longer name', '', ''],
      ],
    ]);
    for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
  });
});
