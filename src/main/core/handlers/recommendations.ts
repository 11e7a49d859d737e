import type { recommendationMethods } from '../../../shared/contract/recommendations';
import {
  createGroup,
  createRecommendation,
  deleteGroup,
  deleteRecommendation,
  listRecommendations,
  moveGroup,
  moveRecommendation,
  renameGroup,
  updateRecommendation,
} from '../services/recommendations';
import type { DomainHandlers, HandlerContext } from './context';

export function recommendationHandlers(ctx: HandlerContext): DomainHandlers<typeof recommendationMethods> {
  const db = () => ctx.requireWorkspace().db;
  const by = () => ctx.requireReviewer().id;
  return {
    'recommendations.list': () => listRecommendations(db()),
    'recommendations.create': (input) => createRecommendation(db(), input, by()),
    'recommendations.update': (input) => updateRecommendation(db(), input, by()),
    'recommendations.move': (input) => moveRecommendation(db(), input, by()),
    'recommendations.delete': ({ id }) => {
      deleteRecommendation(db(), id);
      return null;
    },
    'recommendations.createGroup': ({ name }) => createGroup(db(), name),
    'recommendations.renameGroup': ({ id, name }) => renameGroup(db(), id, name),
    'recommendations.moveGroup': ({ id, index }) => moveGroup(db(), id, index),
    'recommendations.deleteGroup': ({ id }) => {
      deleteGroup(db(), id);
      return null;
    },
  };
}
