import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CardRead } from '../card/types';
import {
  buildStationApi,
  cardReadSchema,
  isStationChannel,
  rendererCsp,
  stationChannels,
  stationMethods,
  type CardReadEvent,
  type StationTransport,
} from './index';

describe('StationApi contract', () => {
  it("mirrors shared/card's CardRead exactly", () => {
    expectTypeOf<CardReadEvent>().toEqualTypeOf<CardRead>();
  });

  it('knows only its own channels', () => {
    expect(isStationChannel('platform.call')).toBe(true);
    for (const hostile of [
      '__proto__',
      'constructor',
      'toString',
      'platform',
      'platform.call ',
      '',
      null,
      42,
    ]) {
      expect(isStationChannel(hostile)).toBe(false);
    }
  });

  it.each([
    ['platform.call', { infno: '1101', input: { data: {} } }, true],
    ['platform.call', { infno: '11O1', input: {} }, false],
    ['platform.call', { infno: '1101', input: [] }, false],
    ['platform.call', { infno: '1101', input: {}, timeoutMs: 10 }, false],
    ['card.insertDemoCard', { card_id: 'C1' }, true],
    ['card.insertDemoCard', { card_id: '' }, false],
    ['card.insertDemoCard', { card_id: 'C1', extra: 1 }, false],
    ['print.receiptPdf', { html: '<p>', name: '../x' }, false],
    ['print.receiptPdf', { html: '<p>', name: 'SETL_01' }, true],
    ['log.write', { level: 'fatal', message: 'x' }, false],
    ['config.get', { secret: true }, false],
  ] as const)('validates %s input %j → %s', (channel, input, ok) => {
    expect(stationMethods[channel].input.safeParse(input).success).toBe(ok);
  });

  it('refuses a CardRead with an over-long field', () => {
    const base: CardRead = {
      kind: 'social-security-card',
      ssn: '11010519491231002X',
      name: '张三',
      cardNo: 'X00000019',
      cardId: 'A'.repeat(32),
      region: '110100',
      specVersion: '2.00',
      issued: '2020-01-01',
      expires: '2030-01-01',
      partial: false,
      fallbacks: [],
      warnings: [],
      certType: '03',
      raw: '',
      source: { kind: 'simulated', deviceId: 'simulated', label: 'demo' },
    };
    expect(cardReadSchema.safeParse(base).success).toBe(true);
    expect(cardReadSchema.safeParse({ ...base, ssn: '1'.repeat(19) }).success).toBe(false);
  });
});

describe('buildStationApi', () => {
  const calls: Array<[string, unknown]> = [];
  const transport: StationTransport = {
    call: async (channel, input) => {
      calls.push([channel, input]);
      if (channel === 'app.info') return { name: 'x', version: '1', mode: 'browser', os: 'linux' };
      return { bogus: true };
    },
    subscribe: () => () => undefined,
  };

  it('exposes exactly the contract, grouped by namespace', () => {
    const api = buildStationApi(transport);
    const exposed = Object.entries(api).flatMap(([ns, group]) =>
      typeof group === 'function' ? [ns] : Object.keys(group).map((m) => `${ns}.${m}`),
    );
    expect(exposed.sort()).toEqual([...stationChannels, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('validates outputs when asked and names the bad field', async () => {
    const api = buildStationApi(transport, { validateInput: true, validateOutput: true });
    await expect(api.app.info()).resolves.toMatchObject({ mode: 'browser' });
    await expect(api.platform.status()).rejects.toMatchObject({ code: 'INVALID_OUTPUT' });
    // @ts-expect-error a wrong infno type is a compile error and a runtime INVALID_INPUT
    await expect(api.platform.call({ infno: 1101, input: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      path: 'infno',
    });
    expect(calls.map(([c]) => c)).toEqual(['app.info', 'platform.status']);
  });

  it('refuses unknown events', () => {
    const api = buildStationApi(transport);
    // @ts-expect-error not an event of the contract
    expect(() => api.on('card.secret', () => undefined)).toThrow(/Unknown event/);
  });
});

describe('rendererCsp', () => {
  it('allows only self plus the named connect origins, no eval, no framing', () => {
    const csp = rendererCsp({ connect: ['ws://127.0.0.1:4000'] });
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4000");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
