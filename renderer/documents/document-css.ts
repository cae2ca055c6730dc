// The printed documents' style sheets, by paper: A4 for the settlement list and the itemised bill;
// the receipts name no size and print on the counter printer's own sheet, as they did before they
// moved onto renderDocument (whether the counters print on A4/A5 sheets or an 80 mm roll is not
// known; a roll would be `size:80mm 200mm` here, with the body's width to match).
export type Paper = 'a4' | 'receipt';

const BASE = `body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#000;margin:0}
h1{text-align:center;margin:0 0 2mm}
.sub{display:flex;justify-content:space-between;flex-wrap:wrap;gap:2mm 6mm;margin-bottom:2mm}
h2{margin:3mm 0 1mm;padding-bottom:0.5mm;border-bottom:1.5px solid #000}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #000;padding:0.6mm 1.5mm;vertical-align:top}
th{font-weight:normal;text-align:left;background:#eee}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.facts{table-layout:fixed}
td.label{background:#f5f5f5;white-space:nowrap;width:14%}
tr.total td{font-weight:bold}
tr{page-break-inside:avoid}
thead{display:table-header-group}
.note{border:1.5px solid #000;padding:1.5mm;margin:2mm 0;font-weight:bold}
.muted{color:#444}
.sign{display:flex;justify-content:space-between;margin-top:8mm}
.sign span{min-width:40%;border-top:1px solid #000;padding-top:1mm}`;

export const DOCUMENT_CSS: Record<Paper, string> = {
  a4: `@page{size:A4;margin:10mm 12mm 12mm}\n${BASE}\nbody{font-size:9pt}h1{font-size:15pt}h2{font-size:10pt}`,
  receipt: `@page{margin:8mm}\n${BASE}\nbody{font-size:9pt}h1{font-size:12pt;text-align:left}h2{font-size:9.5pt;border:0}th,td{border:0;padding:0.5mm 1mm}th{background:none}td{text-align:right;font-variant-numeric:tabular-nums}.cash th,.cash td{font-weight:bold;font-size:11pt;border-top:1px solid #000}ol{padding-left:5mm}`,
};
