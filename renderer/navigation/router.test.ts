import { describe, expect, it } from 'vitest';
import { defineRoute, memoryRouter, pathOfHash } from './router';

describe('routes with typed parameters', () => {
  const history = defineRoute('history/:local_setl_id');
  const list = defineRoute('history/:local_setl_id?');
  const counter = defineRoute('counter');

  it('builds and matches a route with a parameter (encoded both ways)', () => {
    expect(history.href({ local_setl_id: '01JX 7/9' })).toBe('#/history/01JX%207%2F9');
    expect(history.match('history/01JX%207%2F9')).toEqual({ local_setl_id: '01JX 7/9' });
    expect(history.bare).toBe(false);
  });

  it('an optional last parameter may be left out', () => {
    expect(list.href()).toBe('#/history');
    expect(list.href({ local_setl_id: 'A' })).toBe('#/history/A');
    expect(list.match('history')).toEqual({});
    expect(list.match('history/A')).toEqual({ local_setl_id: 'A' });
    expect(list.bare).toBe(true);
  });

  it.each([
    ['another screen', 'queue'],
    ['a missing parameter', 'history'],
    ['an extra segment', 'history/A/B'],
    ['an empty parameter', 'history/'],
    ['a malformed escape', 'history/%E0%A4%A'],
    ['nothing', ''],
  ])('does not match %s', (_, path) => {
    expect(history.match(path)).toBeNull();
  });

  it('a route without parameters matches only itself', () => {
    expect(counter.href()).toBe('#/counter');
    expect(counter.match('counter')).toEqual({});
    expect(counter.match('counter/x')).toBeNull();
  });

  it('refuses a pattern it could not serve', () => {
    expect(() => defineRoute(':id')).toThrow(/fixed segment/);
    expect(() => defineRoute('a/:x?/:y')).toThrow(/only the last/);
    expect(() => defineRoute('a//b')).toThrow(/bad segment/);
  });

  it('checks parameters at compile time', () => {
    // @ts-expect-error a required parameter is missing
    expect(() => history.href({})).toThrow(/local_setl_id missing/);
    // @ts-expect-error the route takes no parameter of that name
    history.href({ local_setl_id: 'A', other: 'B' });
  });
});

describe('the hash', () => {
  it.each([
    ['#/history/A', 'history/A'],
    ['#/queue/', 'queue'],
    ['#agent-token=abc', ''], // browser mode's token, read and removed by renderer/bridge at start
    ['', ''],
    ['#', ''],
  ])('%j is the path %j', (hash, path) => {
    expect(pathOfHash(hash)).toBe(path);
  });

  it('a memory router tells its listeners about a move, once', () => {
    const router = memoryRouter('#/counter');
    const seen: string[] = [];
    router.subscribe(() => seen.push(router.path()));
    router.navigate('#/queue');
    router.navigate('#/queue');
    expect(seen).toEqual(['queue']);
  });
});
