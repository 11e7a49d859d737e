import { randomUUID } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Reviewer, type ReviewerInput } from '../../../shared/domain/reviewer';

const RECENT_LIMIT = 12;

const StoredSettings = z.object({
  /** Which laptop a change was made on (stamped on every record it changes); made once, on first use. */
  installationId: z.string().optional(),
  reviewer: Reviewer.nullable().default(null),
  recent: z
    // Ids were added later: an entry without one gets one when the file is read (and keeps it once saved).
    .array(z.object({ id: z.string().default(() => randomUUID()), path: z.string(), name: z.string(), openedAt: z.string() }))
    .default([]),
  /** Lock an encrypted workspace after this many idle minutes; null: never. */
  lockAfterMinutes: z.number().int().positive().nullable().default(null),
});
type StoredSettings = z.infer<typeof StoredSettings>;

/**
 * What belongs to this installation rather than to a workspace: who the
 * reviewer is, and which workspaces were opened lately. One small JSON file,
 * replaced atomically so a crash mid-write leaves the old one.
 */
export class InstallationSettings {
  private readonly file: string;
  private state: StoredSettings;

  constructor(readonly folder: string) {
    mkdirSync(folder, { recursive: true });
    this.file = join(folder, 'settings.json');
    this.state = this.load();
  }

  private load(): StoredSettings {
    try {
      const parsed = StoredSettings.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      // An unreadable settings file costs the recent list, never a workspace.
      return parsed.success ? parsed.data : StoredSettings.parse({});
    } catch {
      return StoredSettings.parse({});
    }
  }

  private save(): void {
    const temporary = `${this.file}.tmp`;
    const fd = openSync(temporary, 'w', 0o600); // the reviewer's name and where their workspaces are
    fchmodSync(fd, 0o600); // a .tmp left by an older version keeps its mode otherwise
    try {
      writeSync(fd, JSON.stringify(this.state, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
  }

  installationId(): string {
    if (!this.state.installationId) {
      this.state.installationId = randomUUID();
      this.save();
    }
    return this.state.installationId;
  }

  reviewer(): Reviewer | null {
    return this.state.reviewer;
  }

  setReviewer(input: ReviewerInput): Reviewer {
    const reviewer = { id: this.state.reviewer?.id ?? randomUUID(), ...input };
    this.state.reviewer = reviewer;
    this.save();
    return reviewer;
  }

  recent(): StoredSettings['recent'] {
    return this.state.recent;
  }

  /** A recent workspace by the id the page names it by; its path never comes from the page. */
  recentById(id: string): StoredSettings['recent'][number] | undefined {
    return this.state.recent.find((r) => r.id === id);
  }

  rememberOpened(path: string, name: string): void {
    const id = this.state.recent.find((r) => r.path === path)?.id ?? randomUUID();
    const others = this.state.recent.filter((r) => r.path !== path);
    this.state.recent = [{ id, path, name, openedAt: new Date().toISOString() }, ...others].slice(
      0,
      RECENT_LIMIT,
    );
    this.save();
  }

  lockAfterMinutes(): number | null {
    return this.state.lockAfterMinutes;
  }

  setLockAfterMinutes(minutes: number | null): void {
    this.state.lockAfterMinutes = minutes;
    this.save();
  }

  forget(id: string): void {
    this.state.recent = this.state.recent.filter((r) => r.id !== id);
    this.save();
  }
}
