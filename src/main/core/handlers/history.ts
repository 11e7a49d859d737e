import type { historyMethods } from '../../../shared/contract/history';
import { listRecordsWithHistory, recordHistory, restoreOverwritten } from '../merge/history';
import type { DomainHandlers, HandlerContext } from './context';

export function historyHandlers(ctx: HandlerContext): DomainHandlers<typeof historyMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'history.list': ({ limit }) => listRecordsWithHistory(db(), limit),
    'history.get': ({ table, recordId }) => recordHistory(db(), table, recordId),
    'history.restore': ({ entryId }) => restoreOverwritten(db(), entryId),
  };
}
