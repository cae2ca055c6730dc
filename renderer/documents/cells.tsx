// Table cells the documents repeat: a run of right-aligned figures, and a row of headings over them.

/** One right-aligned cell per figure (amounts, quantities), in order. */
export function NumCells({ values }: { values: readonly string[] }) {
  return values.map((v, i) => (
    <td key={i} className="num">
      {v}
    </td>
  ));
}

/** Headings of figure columns, right-aligned like their cells. */
export function NumHeads({ labels }: { labels: readonly string[] }) {
  return labels.map((h) => (
    <th key={h} className="num">
      {h}
    </th>
  ));
}
