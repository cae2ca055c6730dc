// The printed documents' style sheets, by paper: A4 for the settlement list and the itemised bill;
// the receipt's narrow roll for when the receipt moves onto renderDocument.
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
  receipt: `@page{size:80mm auto;margin:4mm}\n${BASE}\nbody{font-size:9pt}h1{font-size:12pt}h2{font-size:9.5pt}th,td{border:0;padding:0.5mm 1mm}`,
};
