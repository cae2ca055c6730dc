import { describe, expect, it } from 'vitest';
import { typedIdRead } from './typed-id';
import { CardError } from './errors';

describe('typedIdRead', () => {
  const today = '2026-11-23';
  it('accepts a checked ID number, trimming and upper-casing it', () => {
    expect(typedIdRead(' 11010519491231002x ', { today, name: '张三' })).toMatchObject({
      kind: 'typed-id',
      certType: '02',
      ssn: '11010519491231002X',
      name: '张三',
      gender: 'female',
      birthDate: '1949-12-31',
      partial: false,
    });
  });
  it.each(['', '110105194912310021', '11010519491231002', '99010519491231002X'])(
    'refuses %j with the check message',
    (bad) => {
      try {
        typedIdRead(bad, { today });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(CardError);
        expect((e as CardError).code).toBe('SSN_INVALID');
        expect((e as CardError).message_zh).toMatch(/身份证/);
      }
    },
  );
});
