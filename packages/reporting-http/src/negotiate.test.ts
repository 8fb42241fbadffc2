import { describe, expect, it } from 'vitest';
import { answerFormat } from './negotiate.ts';

describe('answerFormat', () => {
  it('takes ?format= over any Accept header', () => {
    expect(answerFormat('csv', 'application/json')).toBe('csv');
    expect(answerFormat('json', 'text/csv')).toBe('json');
  });

  it('picks JSON or CSV from Accept by q-value, then by order', () => {
    expect(answerFormat(undefined, 'text/csv')).toBe('csv');
    expect(answerFormat(undefined, 'Text/CSV; charset=utf-8')).toBe('csv');
    expect(answerFormat(undefined, 'application/json, text/csv')).toBe('json');
    expect(answerFormat(undefined, 'text/csv, application/json')).toBe('csv');
    expect(answerFormat(undefined, 'application/json;q=0.5, text/csv;q=0.9')).toBe('csv');
    expect(answerFormat(undefined, 'text/csv;q=0, application/json;q=0.1')).toBe('json');
  });

  it('answers JSON for no, wildcard, unknown or malformed Accept headers', () => {
    for (const accept of [undefined, '', '*/*', 'text/*', 'text/html', ';;,', 'text/csv;q=abc']) {
      expect(answerFormat(undefined, accept)).toBe('json');
    }
  });
});
