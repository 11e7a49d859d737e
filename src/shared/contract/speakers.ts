import { z } from 'zod';
import { StaffGroup } from '../domain/participant';
import { Passage } from '../domain/passage';
import { Id, method } from './method';

/** A speaker code as a note's labels write it ("P014"). */
export const SpeakerCode = z.string().regex(/^P\d{3,}$/, { error: 'A speaker code is P followed by three or more digits, such as P014.' }).max(20);

/** Who one speaker code of a note is: a participant, or nobody yet (an unknown speaker). */
export const NoteSpeaker = z.object({
  code: SpeakerCode,
  participant: z.object({ id: Id, code: z.string(), staffGroup: StaffGroup }).nullable(),
  /** Chosen by a reviewer, not matched when the code first appeared. */
  linkedByHand: z.boolean(),
});
export type NoteSpeaker = z.infer<typeof NoteSpeaker>;

/** Speaker codes of notes and who they are (issue 11): a code is never matched to a participant by its text alone. */
export const speakerMethods = {
  'speakers.forNote': method({
    input: z.object({ noteId: Id }).strict(),
    output: z.array(NoteSpeaker),
    doc: 'Every speaker code a note has had, with the participant it is linked to or null (an unknown speaker).',
  }),
  'speakers.link': method({
    input: z.object({ noteId: Id, code: SpeakerCode, participantId: Id.nullable() }).strict(),
    output: z.object({ speakers: z.array(NoteSpeaker), changedPassages: z.array(Passage) }),
    doc: "Link a note's speaker code to a participant (null: unknown); the passages of those turns follow.",
  }),
} as const;
