import type { themeMethods } from '../../../shared/contract/themes';
import { deleteTheme, mergeThemes, previewDelete } from '../services/themeRemoval';
import { codebookThemes, createTheme, moveTheme, updateTheme } from '../services/themes';
import { themeView } from '../services/themeView';
import type { DomainHandlers, HandlerContext } from './context';

export function themeHandlers(ctx: HandlerContext): DomainHandlers<typeof themeMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'themes.view': (input) => themeView(db(), input),
    'themes.list': () => codebookThemes(db()),
    'themes.create': (input) => createTheme(db(), input, ctx.requireReviewer().id),
    'themes.update': (input) => updateTheme(db(), input),
    'themes.move': (input) => moveTheme(db(), input),
    'themes.merge': ({ sourceId, targetId }) => mergeThemes(db(), sourceId, targetId),
    'themes.deletePreview': ({ id, withSubthemes }) => previewDelete(db(), id, withSubthemes),
    'themes.delete': ({ id, withSubthemes }) => deleteTheme(db(), id, withSubthemes),
  };
}
