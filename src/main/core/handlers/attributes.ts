import type { attributeMethods } from '../../../shared/contract/attributes';
import { defineAttribute, listAttributes, removeAttribute } from '../services/participantAttributes';
import type { DomainHandlers, HandlerContext } from './context';

export function attributeHandlers(ctx: HandlerContext): DomainHandlers<typeof attributeMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'attributes.list': () => listAttributes(db()),
    'attributes.define': (input) => defineAttribute(db(), input, ctx.requireReviewer().id),
    'attributes.remove': ({ id }) => {
      removeAttribute(db(), id);
      return null;
    },
  };
}
