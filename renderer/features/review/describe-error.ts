// Any failure → a sentence in both languages for the cashier. Typed errors carry their own pair;
// codes of the settle service and the database get a sentence here; nothing shows a stack trace.
const KNOWN: Record<string, { zh: string; en: string }> = {
  PERSON_NOT_FOUND: {
    zh: '本地没有此人的备案或参保信息',
    en: 'No filing or insurance data for this person on the station',
  },
  NO_POLICY: {
    zh: '本地没有参保地在结算日生效的政策：请联网同步',
    en: 'No policy of the insured place in force on the settlement date: sync first',
  },
  NO_INSUTYPE: { zh: '参保人缺少险种', en: 'The person has no insurance type' },
  INVALID_BILL: { zh: '账单不符合结算规则', en: 'The bill breaks the settlement rules' },
  NOT_SETTLED: { zh: '不能直接结算', en: 'Cannot be settled directly' },
  STALE_PREVIEW: {
    zh: '此人累计数据已变化：请重新计算',
    en: 'The person’s year-to-date figures changed: compute again',
  },
  ALREADY_SETTLED: { zh: '此就诊已结算过', en: 'This encounter is already settled' },
  QUOTA_EXCEEDED: { zh: '磁盘空间不足，未写入任何数据', en: 'Disk full: nothing was written' },
};

export function describeError(e: unknown): { zh: string; en: string } {
  const x = e as { code?: string; message?: string; message_zh?: string; message_en?: string };
  if (x?.message_zh && x.message_en) return { zh: x.message_zh, en: x.message_en };
  const known = x?.code ? KNOWN[x.code] : undefined;
  const detail = x?.message && x.message !== x.code ? `（${x.message}）` : '';
  if (known) return { zh: known.zh + detail, en: known.en + (detail ? ` (${x.message})` : '') };
  return { zh: `操作失败${detail}`, en: `The operation failed${detail ? ` (${x?.message})` : ''}` };
}
