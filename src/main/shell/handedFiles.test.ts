import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandedWorkspace, workspaceFromArgv } from './handedFiles';

const cwd = `${sep}home${sep}ada`;
const file = join(cwd, 'Topol Review.fieldnotes');

describe('workspaceFromArgv', () => {
  it('finds the file a double-click passes, with or without switches around it', () => {
    expect(workspaceFromArgv(['/opt/Fieldnotes/fieldnotes', file], cwd)).toBe(file);
    expect(workspaceFromArgv(['/opt/Fieldnotes/fieldnotes', '--no-sandbox', file, '--enable-logging'], cwd)).toBe(file);
    expect(workspaceFromArgv(['C:\\Fieldnotes\\Fieldnotes.exe', 'REVIEW.FIELDNOTES'], cwd)).toBe(resolve(cwd, 'REVIEW.FIELDNOTES'));
  });

  it('resolves a relative path against the launch’s own folder (a second instance may start elsewhere)', () => {
    expect(workspaceFromArgv(['fieldnotes', 'Topol Review.fieldnotes'], cwd)).toBe(file);
  });

  it('ignores the executable, the app folder in development, switches and other files', () => {
    expect(workspaceFromArgv(['/usr/bin/electron', '.'], cwd)).toBeNull();
    expect(workspaceFromArgv(['fieldnotes', '--user-data-dir=/tmp/x.fieldnotes'], cwd)).toBeNull();
    expect(workspaceFromArgv(['fieldnotes', 'notes.txt', 'review.fieldnotes.bak'], cwd)).toBeNull();
    expect(workspaceFromArgv(['x.fieldnotes'], cwd)).toBeNull();
  });
});

describe('HandedWorkspace', () => {
  it('gives the handed file once, the latest one winning', () => {
    const handed = new HandedWorkspace();
    expect(handed.hand(null)).toBe(false);
    expect(handed.take()).toBeNull();
    handed.hand('/a.fieldnotes');
    handed.hand('/b.fieldnotes');
    expect(handed.take()).toBe('/b.fieldnotes');
    expect(handed.take()).toBeNull();
  });
});
