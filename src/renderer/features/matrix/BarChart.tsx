import { useId } from 'react';

export interface Bar {
  label: string;
  /** One value per series. */
  values: number[];
  flag?: string;
}

/**
 * A plain-SVG horizontal bar chart with its numbers beside the bars and, for
 * screen readers, the same numbers as a table (the chart itself is hidden from
 * them: it says nothing the table does not).
 */
export function BarChart({ title, series, bars }: { title: string; series: string[]; bars: Bar[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const rowHeight = 14 * series.length + 10;
  const labelWidth = 210;
  const width = 640;
  const plot = width - labelWidth - 60;
  return (
    <figure className="bar-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <ul className="bar-legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s}>
            <span className={`bar-swatch series-${i}`} /> {s}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${width} ${bars.length * rowHeight + 4}`} width="100%" aria-hidden="true" focusable="false">
        {bars.map((b, r) => (
          <g key={b.label} transform={`translate(0 ${r * rowHeight})`}>
            <text x={labelWidth - 8} y={rowHeight / 2 + 4} textAnchor="end" className="bar-label">
              {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
              {b.flag ? ' ⚠' : ''}
            </text>
            {b.values.map((v, i) => (
              <g key={i}>
                <rect x={labelWidth} y={5 + i * 14} width={Math.max(1, (v / max) * plot)} height={11} className={`bar series-${i}`} rx={2} />
                <text x={labelWidth + Math.max(1, (v / max) * plot) + 5} y={14 + i * 14} className="bar-value">
                  {v.toLocaleString('en-GB')}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {series.map((s) => (
              <th key={s} scope="col">
                {s}
              </th>
            ))}
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              {b.values.map((v, i) => (
                <td key={i}>{v}</td>
              ))}
              <td>{b.flag ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
