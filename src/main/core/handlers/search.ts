import type { searchMethods } from '../../../shared/contract/search';
import { search } from '../services/search';
import { themeView } from '../services/themeView';
import { listReviewers } from '../store/reviewers';
import type { DomainHandlers, HandlerContext } from './context';

export function searchHandlers(ctx: HandlerContext): DomainHandlers<typeof searchMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'search.query': (input) => search(db(), input),
    'themes.view': (input) => themeView(db(), input),
    'analysis.reviewers': () => reviewersByName(db()),
  };
}

/** For the reviewer filter: by name, as a person looks for one. */
function reviewersByName(db: Parameters<typeof listReviewers>[0]) {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return listReviewers(db)
    .map(({ id, name, initials }) => ({ id, name, initials }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}
