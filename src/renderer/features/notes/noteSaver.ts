import type { Passage } from '../../../shared/domain/passage';
import type { MethodInput, MethodOutput } from '../../../shared/contract/methods';
import type { Result } from '../../../shared/rpc/result';
import { api } from '../../api/client';
import { diffBlocks, type BlockPatch } from '../../../shared/note/blocks';
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
 * What a saver saves: the whole document, or (BlockSerializer) its top-level blocks, so that a save
 * sends only those changed since the last one the core acknowledged (issue 11).
 */
export interface NoteContent {
  document(blocks?: string[]): string;
  blocks?(): string[];
  /** False when the kept blocks had gone stale (and are now forgotten). */
  verify?(): boolean;
}

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

  private readonly content: NoteContent;
  /** The blocks as the core last stored them (null: not known, so the next save sends the whole document). */
  private acknowledged: string[] | null = null;

  constructor(
    private readonly noteId: string,
    private revision: number,
    content: NoteContent | (() => string),
    private pending: PendingPassage[] = [],
    private readonly call: SaveCall = callCore,
  ) {
    this.content = typeof content === 'function' ? { document: content } : content;
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

  /**
   * The note as opened is the stored note: its blocks are what the core holds, so the first save can
   * already send only what changed. Only before anything was typed (then they would include the typing).
   */
  acknowledgeOpened(): void {
    if (this.content.blocks && !this.autosaver.dirty && this.acknowledged === null) this.acknowledged = this.content.blocks();
  }

  /** Who is told after every successful save. */
  setOnSaved(listener: SavedListener): void {
    this.onSaved = listener;
  }

  /**
   * A safety net for the block cache, run when the person leaves the note: if its blocks no longer make
   * the editor's document, the next save sends the whole document, so nothing typed is lost to a stale block.
   */
  verifyBlocks(): void {
    if (!this.content.verify || this.content.verify()) return;
    console.error('[notes] the kept blocks of a note had gone stale; saving the whole document');
    this.acknowledged = null;
    this.autosaver.touch();
  }

  private async save(): Promise<string | null> {
    const blocks = this.content.blocks?.() ?? null;
    const patch = blocks && this.acknowledged ? diffBlocks(this.acknowledged, blocks) : null;
    if (blocks && this.acknowledged && !patch) return null; // typed and taken back: nothing to store
    const failure = await this.send(blocks, patch);
    // A patch the core cannot place (it holds another shape of this note): the whole document, once.
    if (failure?.code === 'INVALID_INPUT' && patch) return (await this.send(blocks, null))?.message ?? null;
    return failure?.message ?? null;
  }

  private async send(blocks: string[] | null, patch: BlockPatch | null): Promise<{ code: string; message: string } | null> {
    const document = patch ? null : this.content.document(blocks ?? undefined);
    const sent = patch ? patch.blocks.join(',') : document!;
    // A passage whose mark was undone or deleted before it could be saved is not created.
    const creating = this.pending.filter((p) => sent.includes(`"${p.id}"`));
    this.pending = [];
    let failure: { code: string; message: string } | null = { code: 'UNAVAILABLE', message: 'Fieldnotes could not reach its core.' };
    try {
      const result = await this.call({
        id: this.noteId,
        ...(patch ? { patch } : { document: document! }),
        baseRevision: this.revision,
        ...(creating.length ? { createPassages: creating } : {}),
      });
      this.conflicted = !result.ok && result.error.code === 'CONFLICT';
      if (result.ok) {
        this.revision = result.value.revision;
        this.acknowledged = blocks;
        this.onSaved(result.value);
        failure = null;
      } else {
        failure = result.error;
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
    return this.content.document();
  }

  /** Everything a new editor of this note needs to carry on where this one stopped. */
  handOver(): { document: string; revision: number; pending: PendingPassage[] } {
    return { document: this.content.document(), revision: this.revision, pending: this.pending };
  }
}
