import { useTranslation } from 'react-i18next';

/** Start-up failed: say what in both languages, never a stack trace. */
export function FatalScreen({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const e = error as { message_zh?: string; message_en?: string; message?: string };
  return (
    <main className="fatal" role="alert">
      <h1>{t('fatal.title', { defaultValue: '收费站无法启动 / The station cannot start' })}</h1>
      <p>{e.message_zh ?? e.message}</p>
      {e.message_en && <p lang="en">{e.message_en}</p>}
      <p>{t('fatal.hint', { defaultValue: '请检查本机服务是否运行（npm start），然后刷新页面。' })}</p>
    </main>
  );
}
