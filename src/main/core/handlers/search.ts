import type { searchMethods } from '../../../shared/contract/search';
import { search } from '../services/search';
import { themeView } from '../services/themeView';
import type { DomainHandlers, HandlerContext } from './context';

export function searchHandlers(ctx: HandlerContext): DomainHandlers<typeof searchMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'search.query': (input) => search(db(), input),
    'themes.view': (input) => themeView(db(), input),
    'analysis.reviewers': () =>
      db().prepare('SELECT id, name, initials FROM reviewers ORDER BY name COLLATE NOCASE, id').all() as {
        id: string;
        name: string;
        initials: string;
      }[],
  };
}
