import type { speakerMethods } from '../../../shared/contract/speakers';
import { linkSpeaker, speakersOfNote } from '../services/speakers';
import type { DomainHandlers, HandlerContext } from './context';

export function speakerHandlers(ctx: HandlerContext): DomainHandlers<typeof speakerMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'speakers.forNote': ({ noteId }) => speakersOfNote(db(), noteId),
    'speakers.link': (input) => linkSpeaker(db(), input, ctx.requireReviewer().id),
  };
}
