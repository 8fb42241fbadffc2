import { describe, expect, it } from 'vitest';
import { DueQueue } from './due-queue.ts';

describe('the due queue', () => {
  it('gives back only what is due, earliest first', () => {
    const queue = new DueQueue();
    const times = [50, 10, 40, 10, 30, 20, 60, 0, 35];
    times.forEach((at, i) => queue.push(`d${i}`, at));
    expect(queue.peek()).toBe(0);
    const popped: number[] = [];
    for (let entry = queue.popDue(35); entry; entry = queue.popDue(35)) popped.push(entry.at);
    expect(popped).toEqual([0, 10, 10, 20, 30, 35]);
    expect(queue.size).toBe(3);
    expect(queue.peek()).toBe(40);
    expect(queue.popDue(39)).toBeUndefined();
  });

  it('keeps heap order over many pushes and pops', () => {
    const queue = new DueQueue();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647), seed / 2147483647);
    for (let i = 0; i < 500; i++) queue.push(String(i), Math.floor(random() * 1000));
    let last = -1;
    for (let entry = queue.popDue(Infinity); entry; entry = queue.popDue(Infinity)) {
      expect(entry.at).toBeGreaterThanOrEqual(last);
      last = entry.at;
    }
    expect(queue.size).toBe(0);
    expect(queue.peek()).toBeUndefined();
  });
});
