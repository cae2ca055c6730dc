// The screens of operators, history, cancels, the audit chain and the settings, in Chinese. Kept apart
// from zh.ts so those tables stay a size one can read; zh.ts spreads this in, and en-ops.ts has the
// same keys (its type is this object's).
export const zhOps = {
  signIn: {
    title: '操作员登录',
    hint: '请输入工号和 PIN。PIN 连续输错 5 次，账号锁定 15 分钟。',
    operatorId: '工号',
    pin: 'PIN',
    submit: '登录',
    signOut: '退出登录',
  },
  lock: {
    title: '屏幕已锁定',
    byIdle: '{{name}}（{{id}}）长时间未操作，屏幕已自动锁定。',
    byKey: '{{name}}（{{id}}）已锁定屏幕。',
    unlock: '解锁',
    otherOperator: '其他操作员登录',
    takeOverHint: '其他操作员登录后，{{id}} 将退出登录；未完成的收费会保留。',
    back: '返回',
    lockNow: '锁屏 F12',
  },
};
