import { useEffect, useState } from 'react';

const CHANNEL = 'fieldnotes.open-workspaces';
const BEAT_MS = 2_000;
/** A tab not heard from for this long has closed (or slept): the notice goes. */
const GONE_MS = 5_000;

interface Beat {
  tab: string;
  /** The workspace this tab has open; null as it closes it. */
  path: string | null;
}

/**
 * Is this workspace open in another tab or window of this browser profile too? Each tab says which
 * workspace it has open every couple of seconds on a BroadcastChannel (same origin only). Issue 11: two
 * tabs editing one note lost text without a word; now each says the other is there, and saves that clash
 * ask (ConflictNotice). State changes only when the answer does, so an idle page does not render.
 */
export function useOpenElsewhere(path: string): boolean {
  const [elsewhere, setElsewhere] = useState(false);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const tab = crypto.randomUUID();
    const channel = new BroadcastChannel(CHANNEL);
    const heard = new Map<string, number>();
    const check = () => {
      const now = Date.now();
      for (const [other, at] of heard) if (now - at > GONE_MS) heard.delete(other);
      setElsewhere(heard.size > 0);
    };
    channel.onmessage = ({ data }: MessageEvent<Beat>) => {
      if (data.tab === tab) return;
      if (data.path === path) {
        const isNew = !heard.has(data.tab);
        heard.set(data.tab, Date.now());
        // Answer a newcomer at once, so both tabs know within a moment, not a heartbeat.
        if (isNew) channel.postMessage({ tab, path } satisfies Beat);
      } else {
        heard.delete(data.tab);
      }
      check();
    };
    const beat = () => channel.postMessage({ tab, path } satisfies Beat);
    beat();
    const timer = setInterval(() => {
      beat();
      check();
    }, BEAT_MS);
    const leave = () => channel.postMessage({ tab, path: null } satisfies Beat);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
      channel.close();
    };
  }, [path]);
  return elsewhere;
}
