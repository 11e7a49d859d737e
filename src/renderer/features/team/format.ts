/** Kappa to two decimals ("—" where it is undefined), percent to a whole number. */
export const formatKappa = (kappa: number | null): string => (kappa === null ? '—' : kappa.toFixed(2));
export const formatPercent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** Landis and Koch's words for a kappa, so a number is never the only reading. */
export function kappaReading(kappa: number | null): string {
  if (kappa === null) return 'not defined';
  if (kappa <= 0) return 'no better than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** "1 note", "3 notes". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
