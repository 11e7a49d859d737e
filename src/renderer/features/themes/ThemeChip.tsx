import { themeChipStyle } from './colours';
import type { ThemeIndex } from './useThemeIndex';

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

/** The themes a passage carries, by id, as chips (a theme not yet loaded shows as "…"). */
export function ThemeChips({ ids, themes }: { ids: readonly string[]; themes: ThemeIndex }) {
  return (
    <ul className="result-themes" aria-label="Themes">
      {ids.map((id) => (
        <li key={id}>
          <ThemeChip name={themes.get(id)?.name ?? '…'} colour={themes.get(id)?.colour ?? '#7F7F7F'} />
        </li>
      ))}
    </ul>
  );
}
