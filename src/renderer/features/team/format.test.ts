import { describe, expect, it } from 'vitest';
import { count, formatKappa, formatPercent, kappaReading } from './format';

describe('agreement figures in words', () => {
  it('reads kappa on the Landis and Koch scale', () => {
    expect([-0.1, 0.1, 0.3, 0.5, 0.7, 0.95].map(kappaReading)).toEqual(['no better than chance', 'slight', 'fair', 'moderate', 'substantial', 'almost perfect']);
    expect(kappaReading(null)).toBe('not defined');
  });
  it('counts in words', () => {
    expect([count(1, 'note'), count(3, 'note'), count(1, 'passage'), count(1200, 'passage')]).toEqual(['1 note', '3 notes', '1 passage', '1,200 passages']);
  });
  it('formats kappa and percent, with a dash where there is nothing', () => {
    expect([formatKappa(0.6745), formatKappa(null), formatPercent(0.848), formatPercent(null)]).toEqual(['0.67', '—', '85%', '—']);
  });
});
