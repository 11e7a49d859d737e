import type { participantMethods } from '../../../shared/contract/participants';
import {
  createParticipant,
  deleteParticipant,
  getParticipant,
  linkEngagement,
  listParticipants,
  participantsForEngagement,
  unlinkEngagement,
  updateParticipant,
} from '../services/participants';
import type { DomainHandlers, HandlerContext } from './context';

export function participantHandlers(ctx: HandlerContext): DomainHandlers<typeof participantMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'participants.list': (filters) => listParticipants(db(), filters),
    'participants.get': ({ id }) => getParticipant(db(), id),
    'participants.create': (input) => createParticipant(db(), input, ctx.requireReviewer().id),
    'participants.update': (input) => updateParticipant(db(), input),
    'participants.delete': ({ id }) => {
      deleteParticipant(db(), id);
      return null;
    },
    'participants.linkEngagement': ({ participantId, engagementId }) => {
      linkEngagement(db(), participantId, engagementId);
      return null;
    },
    'participants.unlinkEngagement': ({ participantId, engagementId }) => {
      unlinkEngagement(db(), participantId, engagementId);
      return null;
    },
    'participants.forEngagement': ({ engagementId }) => participantsForEngagement(db(), engagementId),
  };
}
