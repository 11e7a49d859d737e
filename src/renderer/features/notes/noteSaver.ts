import type { Passage } from '../../../shared/domain/passage';
import type { MethodInput, MethodOutput } from '../../../shared/contract/methods';
import type { Result } from '../../../shared/rpc/result';
import { api } from '../../api/client';
import { Autosaver } from './autosave';

export interface PendingPassage {
  id: string;
  themeIds: string[];
}

type SavedListener = (result: { wordCount: number; changedPassages: Passage[] }) => void;

/** How a save reaches the core: the contract's notes.save (replaceable in tests). */
export type SaveCall = (
  input: MethodInput<'notes.save'>,
) => Promise<Result<MethodOutput<'notes.save'>>>;

const callCore: SaveCall = (input) => api().call('notes.save', input);

/**
 * Saving one open note: the revision it saves from, the passages waiting to
 * be created with the next save, and the autosaver that decides when. Plain
 * TypeScript, so React state never has to hold mutable saving state, and a
 * saver can outlive its editor while its text is unsaved (savers.ts).
 */
export class NoteSaver {
  readonly autosaver: Autosaver;
  private onSaved: SavedListener = () => {};
  /** The last save was refused because another window saved this note since: retrying cannot help. */
  conflicted = false;

  constructor(
    private readonly noteId: string,
    private revision: number,
    private readonly serialize: () => string,
    private pending: PendingPassage[] = [],
    private readonly call: SaveCall = callCore,
  ) {
    this.autosaver = new Autosaver(() => this.save());
    // Text handed over from an earlier editor is unsaved: save it soon.
    if (pending.length) this.autosaver.touch();
  }

  /** Who is told after every successful save. */
  setOnSaved(listener: SavedListener): void {
    this.onSaved = listener;
  }

  private async save(): Promise<string | null> {
    const document = this.serialize();
    // A passage whose mark was undone or deleted before it could be saved is not created.
    const creating = this.pending.filter((p) => document.includes(`"${p.id}"`));
    this.pending = [];
    let failure: string | null = 'Fieldnotes could not reach its core.';
    try {
      const result = await this.call({
        id: this.noteId,
        document,
        baseRevision: this.revision,
        ...(creating.length ? { createPassages: creating } : {}),
      });
      this.conflicted = !result.ok && result.error.code === 'CONFLICT';
      if (result.ok) {
        this.revision = result.value.revision;
        this.onSaved(result.value);
        failure = null;
      } else {
        failure = result.error.message;
      }
    } finally {
      if (failure !== null) this.pending = [...creating, ...this.pending]; // they go with the next save
    }
    return failure;
  }

  /** Save now, creating a passage whose mark was just put in the document. Resolves to an error message or null. */
  async createPassage(id: string, themeIds: string[]): Promise<string | null> {
    this.pending.push({ id, themeIds });
    this.autosaver.touch();
    const saved = await this.autosaver.flush();
    if (saved) return null;
    return this.autosaver.status.kind === 'failed' ? this.autosaver.status.message : 'The passage is not saved yet.';
  }

  /** This window's text as it is now (to keep it as a copy after a conflict). */
  document(): string {
    return this.serialize();
  }

  /** Everything a new editor of this note needs to carry on where this one stopped. */
  handOver(): { document: string; revision: number; pending: PendingPassage[] } {
    return { document: this.serialize(), revision: this.revision, pending: this.pending };
  }
}
