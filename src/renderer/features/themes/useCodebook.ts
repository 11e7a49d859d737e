import type { ThemeListItem } from '../../../shared/domain/theme';
import type { RpcError } from '../../../shared/rpc/result';
import { useQuery } from '../../api/queries';

export interface Codebook {
  /** Every theme in tree order; null until the first answer. */
  themes: ThemeListItem[] | null;
  error: RpcError | null;
  /** Fetch again now; resolves when the new list is in. */
  reload: () => Promise<void>;
}

/**
 * The workspace's codebook, refreshed whenever the core announces a change to `themes`, so counts and order
 * come from the core. One `themes.list` answer serves this and every theme index on screen.
 */
export function useCodebook(): Codebook {
  const { data, error, refetch } = useQuery('themes.list', {}, { errorShownHere: true });
  return { themes: data ?? null, error, reload: refetch };
}

/**
 * A chosen file's text. REFI-QDA files are UTF-8, but some Windows tools
 * write UTF-16 with a byte-order mark; both are read.
 */
export async function readXmlFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
