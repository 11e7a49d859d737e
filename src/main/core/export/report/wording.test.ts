import { describe, expect, it } from 'vitest';
import { figure, placesText } from './wording';

describe('the report’s figures', () => {
  it('print counts with the en-GB thousands separator', () => {
    expect([0, 999, 1000, 12345, 1234567].map(figure)).toEqual(['0', '999', '1,000', '12,345', '1,234,567']);
  });

  it('say how many more places there are with a separator too', () => {
    const places = Array.from({ length: 1012 }, (_, i) => `Place ${i}`);
    expect(placesText(places)).toMatch(/; and 1,000 more \(see Appendix A\)$/);
  });
});
