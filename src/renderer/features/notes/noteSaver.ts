import type { Passage } from '../../../shared/domain/passage';
import type { MethodInput, MethodOutput } from '../../../shared/contract/methods';
import type { Result } from '../../../shared/rpc/result';
import { api } from '../../api/client';
import { Autosaver, type SaveStatus } from './autosave';

export interface PendingPassage {
  id: string;
  themeIds: string[];
  /** A theme named in the picker: the core takes the top-level theme of that name or creates it, in the save. */
  newThemeName?: string;
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
  /** Decides when to save; reached only through the methods below, so the saver's rules hold. */
  private readonly autosaver: Autosaver;
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

  /** There is text (or a passage) not saved yet. */
  get dirty(): boolean {
    return this.autosaver.dirty;
  }

  get status(): SaveStatus {
    return this.autosaver.status;
  }

  /** Told of every change of status (saving, saved, failed); returns the way to stop listening. */
  onStatus(listener: (status: SaveStatus) => void): () => void {
    return this.autosaver.onStatus(listener);
  }

  /** The note's content changed: save soon (the autosaver's debounce and maximum wait). */
  touch(): void {
    this.autosaver.touch();
  }

  /** Save now; resolves true once nothing is unsaved. */
  flush(): Promise<boolean> {
    return this.autosaver.flush();
  }

  /** Why the text is not saved, as a sentence (after a failed flush). */
  problem(): string {
    return this.status.kind === 'failed' ? this.status.message : 'It could not be saved.';
  }

  /** Stop saving (its text is saved, or handed to a new editor). */
  dispose(): void {
    this.autosaver.dispose();
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

  /**
   * Save now, creating a passage whose mark was just put in the document, with
   * these themes or a theme named in the picker. Resolves to an error message or null.
   */
  async createPassage(id: string, themes: { themeIds: string[] } | { newThemeName: string }): Promise<string | null> {
    this.pending.push('newThemeName' in themes ? { id, themeIds: [], newThemeName: themes.newThemeName } : { id, themeIds: themes.themeIds });
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
