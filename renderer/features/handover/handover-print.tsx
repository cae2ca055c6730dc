// The printed handover (收费员交班单): the period, the operator, the counts and sums, the cash counted
// and its difference, who confirmed it and when; A4, through renderDocument and the host's print
// service (print.receiptPdf saves HANDOVER-<id>.pdf in the receipts folder).
import type { HandoverRow } from '../../db';
import { fill, renderDocument } from '../../documents';
import { messagesFor } from '../../i18n';
import type { Station } from '../../station';
import { formatChinaTime } from '../../ui';
import { HandoverTable } from './HandoverTable';

export function handoverHtml(h: HandoverRow, ctx: { institution: string; lang: string; printedAt: string }) {
  const m = messagesFor(ctx.lang);
  const t = m.handover;
  return renderDocument({
    lang: ctx.lang,
    paper: 'a4',
    title: `${t.docTitle} ${h.id}`,
    body: (
      <main data-testid="handover-document">
        <h1>
          {ctx.institution} · {t.docTitle}
        </h1>
        <p>
          {t.operator}: {h.opter} · {t.state[h.state]} · {h.id}
        </p>
        <p>{fill(t.window, { from: formatChinaTime(h.from), to: formatChinaTime(h.to) })}</p>
        <HandoverTable figures={h.figures} counted={h.counted_cash} m={m} lang={ctx.lang} />
        {h.confirmed_by && (
          <p>
            {fill(t.confirmedBy, {
              name: h.confirmed_by.name,
              id: h.confirmed_by.id,
              at: formatChinaTime(h.confirmed_by.at),
            })}
          </p>
        )}
        <p style={{ marginTop: 32 }}>
          {t.signCashier}: ____________{'\u3000\u3000'}
          {t.signSupervisor}: ____________
        </p>
        <p>
          {t.printedAt}: {formatChinaTime(ctx.printedAt)}
        </p>
      </main>
    ),
  });
}

/** Renders the handover, shows it (`show`, before the PDF is written: a failing printer does not
 * hide a confirmed handover), then saves it as HANDOVER-<id>.pdf in the receipts folder. */
export async function printHandover(
  station: Station,
  h: HandoverRow,
  lang: string,
  show: (html: string) => void,
): Promise<{ path: string }> {
  const html = handoverHtml(h, {
    institution: station.institutionName,
    lang,
    printedAt: new Date().toISOString(),
  });
  show(html);
  return station.api.print.receiptPdf({ html, name: `HANDOVER-${h.id}` });
}
