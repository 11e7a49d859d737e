import { z } from 'zod';

/** The person using this installation; recorded on everything they create. */
export const Reviewer = z.object({
  id: z.string(),
  name: z.string(),
  initials: z.string(),
});
export type Reviewer = z.infer<typeof Reviewer>;

export const ReviewerInput = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(120),
  initials: z
    .string()
    .trim()
    .min(1, 'Enter your initials.')
    .max(5, 'Initials are at most 5 characters.'),
});
export type ReviewerInput = z.infer<typeof ReviewerInput>;

/** "Ada Lovelace" → "AL"; a starting suggestion the reviewer can change. */
export function suggestInitials(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase())
    .join('')
    .slice(0, 5);
}
