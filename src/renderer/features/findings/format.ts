/** "1 Dec 2026, 09:12": when something was written, in the reviewer's words. */
export const formatWhen = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
