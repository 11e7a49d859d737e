import { useCallback, useEffect, useState } from 'react';
import type { ThemeListItem } from '../../../shared/domain/theme';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';

export interface Codebook {
  /** Every theme in tree order; null until the first answer. */
  themes: ThemeListItem[] | null;
  error: RpcError | null;
  /** Fetch again after a change; resolves when the new list is in. */
  reload: () => Promise<void>;
}

const listThemes = () => api().call('themes.list', {});

/** The workspace's codebook, reloaded after every change so counts and order come from the core. */
export function useCodebook(): Codebook {
  const [themes, setThemes] = useState<ThemeListItem[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const take = useCallback((result: Awaited<ReturnType<typeof listThemes>>) => {
    if (result.ok) {
      setThemes(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, []);
  const reload = useCallback(() => listThemes().then(take), [take]);
  useEffect(() => {
    let current = true;
    void listThemes().then((result) => current && take(result));
    return () => {
      current = false;
    };
  }, [take]);
  return { themes, error, reload };
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
