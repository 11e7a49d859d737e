import { useState } from 'react';
import type { SharedName } from '../../../shared/domain/refi';
import { Dialog } from '../../ui/Dialog';
import { SharedNamesWarning } from '../exchange/SharedNamesWarning';

/**
 * Asked before a .qdc export only when theme names are shared under different
 * parents: export them qualified ("Parent::Name", the default) or as they are.
 */
export function ExportCodebookDialog({
  shared,
  onClose,
  onExport,
}: {
  shared: readonly SharedName[] | null;
  onClose: () => void;
  onExport: (qualifyNames: boolean) => void;
}) {
  return (
    <Dialog title="Export codebook (.qdc)" open={shared !== null} onClose={onClose} className="exchange-dialog">
      {shared && <ExportCodebookBody shared={shared} onClose={onClose} onExport={onExport} />}
    </Dialog>
  );
}

function ExportCodebookBody({ shared, onClose, onExport }: { shared: readonly SharedName[]; onClose: () => void; onExport: (qualifyNames: boolean) => void }) {
  const [qualify, setQualify] = useState(true);
  return (
    <div className="exchange">
      <SharedNamesWarning shared={shared} qualify={qualify} onQualify={setQualify} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" data-autofocus onClick={() => onExport(qualify)}>
          Export…
        </button>
      </div>
    </div>
  );
}
