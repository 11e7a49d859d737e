import { themeChipStyle } from './colours';

interface Props {
  name: string;
  colour: string;
  /** Extra text after the name, e.g. a short code. */
  detail?: string;
}

/** A theme shown inline: its colour as a swatch and tint, and always its name, so colour never carries meaning alone. */
export function ThemeChip({ name, colour, detail }: Props) {
  return (
    <span className="theme-chip" style={themeChipStyle(colour)}>
      <span className="theme-swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
      <span className="theme-chip-name">{name}</span>
      {detail && <span className="theme-chip-detail">{detail}</span>}
    </span>
  );
}
