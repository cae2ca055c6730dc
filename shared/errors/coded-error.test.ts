import { describe, expect, it } from 'vitest';
import { CodedError, codedError } from './coded-error';

const MESSAGES = {
  GONE: { zh: '文件「{{name}}」已不存在', en: 'File "{{name}}" is no longer there' },
  FULL: { zh: '磁盘已满', en: 'The disk is full' },
} as const;

class DemoError extends codedError('DemoError', MESSAGES) {}
class FamilyError extends codedError('FamilyError', MESSAGES, 'NOT_CONFIGURED') {}
class MappedError extends codedError('MappedError', MESSAGES, { GONE: 'A', FULL: 'B' }) {}

describe('codedError', () => {
  it('takes the sentences from the table, fills the slots and adds the detail to both languages', () => {
    const cause = new Error('EIO');
    const e = new DemoError('GONE', { values: { name: 'a.csv' }, detail: 'EIO', cause });
    expect(e).toBeInstanceOf(DemoError);
    expect(e).toBeInstanceOf(CodedError);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: 'DemoError',
      code: 'GONE',
      reason: 'GONE',
      message_zh: '文件「a.csv」已不存在（EIO）',
      message_en: 'File "a.csv" is no longer there (EIO)',
      message: 'GONE: File "a.csv" is no longer there (EIO)',
      detail: 'EIO',
    });
    expect(e.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      code: 'GONE',
      message_zh: '文件「a.csv」已不存在（EIO）',
      message_en: 'File "a.csv" is no longer there (EIO)',
      detail: 'EIO',
    });
    expect(DemoError.messages).toBe(MESSAGES);
  });

  it('without a detail the sentences stand alone and the payload has no detail', () => {
    const e = new DemoError('FULL');
    expect([e.message_zh, e.message_en]).toEqual(['磁盘已满', 'The disk is full']);
    expect(e.toJSON()).not.toHaveProperty('detail');
  });

  it('a family code is carried by every reason; a map gives each reason its own', () => {
    expect(new FamilyError('FULL')).toMatchObject({ code: 'NOT_CONFIGURED', reason: 'FULL' });
    expect(new MappedError('GONE').code).toBe('A');
    expect(new MappedError('FULL').code).toBe('B');
  });

  it('sentences from another coded source replace the table’s, the code stays', () => {
    const e = new DemoError('FULL', { text: { zh: '厂商：-2201', en: 'vendor: -2201' } });
    expect(e).toMatchObject({ code: 'FULL', message_zh: '厂商：-2201', message_en: 'vendor: -2201' });
  });
});
