interface Props {
  busy: boolean;
  onTopol: () => void;
  onEmpty: () => void;
  onImport: () => void;
  newShortcut: string;
}

/** A new workspace's codebook: start from the Topol Review's themes, from nothing, or from another tool's codebook. */
export function CodebookEmpty({ busy, onTopol, onEmpty, onImport, newShortcut }: Props) {
  return (
    <div className="codebook-empty">
      <h2>Start your codebook</h2>
      <p>
        Themes are what you tag passages of your notes with, and what findings are written under. Start from the themes of the
        Topol Review, or build your own.
      </p>
      <div className="codebook-choices">
        <div className="codebook-choice">
          <h3>The Topol template</h3>
          <p>
            32 themes in four branches — Technology (genomics, digital medicine, AI and robotics), Ethics, Principles and
            Workforce — each with a definition. Rename, add or remove themes afterwards.
          </p>
          <button type="button" className="primary" onClick={onTopol} disabled={busy}>
            Use the Topol template
          </button>
        </div>
        <div className="codebook-choice">
          <h3>An empty codebook</h3>
          <p>
            Add your own themes one by one with <strong>New theme</strong> (<kbd>{newShortcut}</kbd>), or bring in a codebook
            exported from NVivo, ATLAS.ti, MAXQDA or another Fieldnotes workspace.
          </p>
          <div className="codebook-choice-actions">
            <button type="button" onClick={onEmpty} disabled={busy}>
              Start with an empty codebook
            </button>
            <button type="button" onClick={onImport} disabled={busy}>
              Import a codebook (.qdc)…
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
