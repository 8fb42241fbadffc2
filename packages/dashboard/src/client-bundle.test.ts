import { describe, expect, it } from 'vitest';
import { clientScripts } from './client-bundle.ts';

describe("the client's bundle", () => {
  it('makes app.js, which imports format.js from beside it, and format.js', async () => {
    const scripts = await clientScripts();
    expect([...scripts.keys()].sort()).toEqual(['app.js', 'format.js']);
    expect(scripts.get('app.js')).toMatch(/import\{[^}]*formatRate[^}]*\}from"\.\/format\.js"/);
    expect(scripts.get('format.js')).toMatch(/export\{/);
  });

  it('carries the month and rounding code and nothing of node or zod', async () => {
    const scripts = await clientScripts();
    const app = scripts.get('app.js') ?? '';
    expect(app).toContain('invalid month');
    expect(scripts.get('format.js')).toContain('decimals must be a whole number');
    for (const script of scripts.values()) {
      expect(script).not.toMatch(/node:|zod|@crimestats\//i);
      expect(script).not.toMatch(/\brequire\(|\bprocess\.env\b/);
    }
  });

  it('is made once per process', async () => {
    expect(await clientScripts()).toBe(await clientScripts());
  });
});
