import type { Passage } from '../../../shared/domain/passage';
import { api } from '../../api/client';
import { Autosaver } from './autosave';

interface PendingPassage {
  id: string;
  themeIds: string[];
}

/**
 * Saving one open note: the revision it saves from, the passages waiting to
 * be created with the next save, and the autosaver that decides when. Plain
 * TypeScript, so React state never has to hold mutable saving state.
 */
export class NoteSaver {
  readonly autosaver: Autosaver;
  private revision: number;
  private pending: PendingPassage[] = [];
  private onSaved: (result: { wordCount: number; passages: Passage[] }) => void = () => {};

  constructor(
    private readonly noteId: string,
    revision: number,
    private readonly serialize: () => string,
  ) {
    this.revision = revision;
    this.autosaver = new Autosaver(() => this.save());
  }

  private async save(): Promise<string | null> {
    const creating = this.pending;
    this.pending = [];
    const result = await api().call('notes.save', {
      id: this.noteId,
      document: this.serialize(),
      baseRevision: this.revision,
      ...(creating.length ? { createPassages: creating } : {}),
    });
    if (!result.ok) {
      this.pending = [...creating, ...this.pending]; // they go with the next save
      return result.error.message;
    }
    this.revision = result.value.revision;
    this.onSaved(result.value);
    return null;
  }

  /** Who is told after every successful save. */
  setOnSaved(listener: (result: { wordCount: number; passages: Passage[] }) => void): void {
    this.onSaved = listener;
  }

  /** Save now, creating a passage whose mark was just put in the document. Resolves to an error message or null. */
  async createPassage(id: string, themeIds: string[]): Promise<string | null> {
    this.pending.push({ id, themeIds });
    this.autosaver.touch();
    await this.autosaver.flush();
    return this.autosaver.status.kind === 'failed' ? this.autosaver.status.message : null;
  }
}
