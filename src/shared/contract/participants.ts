import { z } from 'zod';
import {
  NewParticipant,
  Participant,
  ParticipantFilters,
  ParticipantSummary,
  ParticipantUpdate,
  RecordId,
} from '../domain/participant';
import { method } from './method';

const ById = z.object({ id: RecordId }).strict();
const Link = z.object({ participantId: RecordId, engagementId: RecordId }).strict();

/**
 * People met, by pseudonym code, with attributes and consent (issue 3). Lists
 * return summaries without the real name; only `participants.get` carries it.
 */
export const participantMethods = {
  'participants.list': method({
    input: ParticipantFilters,
    output: z.array(ParticipantSummary),
    doc: 'Participants in code order, narrowed by staff group, consent, engagement, a custom attribute or words.',
  }),
  'participants.get': method({
    input: ById,
    output: Participant,
    doc: 'One participant in full, including the private real name and linked engagements.',
  }),
  'participants.create': method({
    input: NewParticipant,
    output: Participant,
    doc: 'Record a participant; the core assigns the next pseudonym code (P001, P002…).',
  }),
  'participants.update': method({
    input: ParticipantUpdate,
    output: Participant,
    doc: 'Change the fields named; a custom attribute set to null or empty text is cleared.',
  }),
  'participants.delete': method({
    input: ById,
    output: z.null(),
    doc: 'Delete a participant, their attribute values and engagement links. Their code is never reused.',
  }),
  'participants.linkEngagement': method({
    input: Link,
    output: z.null(),
    doc: 'Record that a participant took part in an engagement (doing it twice changes nothing).',
  }),
  'participants.unlinkEngagement': method({
    input: Link,
    output: z.null(),
    doc: 'Remove a participant from an engagement; the participant stays in the workspace.',
  }),
  'participants.forEngagement': method({
    input: z.object({ engagementId: RecordId }).strict(),
    output: z.array(ParticipantSummary),
    doc: 'The participants linked to one engagement, in code order.',
  }),
} as const;
