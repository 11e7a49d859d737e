import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useMemo, useState } from 'react';
import type { Note } from '../../shared/domain/note';
import { noteNodes } from '../../shared/note/nodes';
import { useCommands, type Command } from '../commands/registry';
import type { SaveStatus } from '../features/notes/autosave';
import { setSpeaker } from './blockCommands';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { SpeakerTurnsPlugin } from './plugins/SpeakerTurnsPlugin';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { SpeakerDialog, type SpeakerChoice } from './SpeakerDialog';
import { editorTheme } from './theme';
import { editorTools, SPEAKER_SHORTCUT, Toolbar } from './Toolbar';
import { SaveIndicator } from './SaveIndicator';
import '../styles/editor.css';

interface Props {
  note: Note;
  speakers: SpeakerChoice[];
  /** Shown above the text for screen readers and in the editor's label. */
  label: string;
  onSaved?: (noteId: string, wordCount: number) => void;
}

/** The live note: rich text that saves itself. Mount with key={note.id} so each note gets its own editor. */
export function NoteEditor({ note, speakers, label, onSaved }: Props) {
  const initialConfig = useMemo(
    () => ({
      namespace: 'fieldnotes-note',
      nodes: noteNodes,
      theme: editorTheme,
      editorState: note.document,
      onError: (error: Error) => {
        throw error;
      },
    }),
    // Only the note's identity: later saves must not reset the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [note.id],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EditorBody note={note} speakers={speakers} label={label} onSaved={onSaved} />
    </LexicalComposer>
  );
}

function EditorBody({ note, speakers, label, onSaved }: Props) {
  const [editor] = useLexicalComposerContext();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: Date.parse(note.updatedAt) });
  const [words, setWords] = useState(note.wordCount);
  const [choosingSpeaker, setChoosingSpeaker] = useState(false);

  const commands = useMemo<Command[]>(
    () => [
      ...editorTools.map((tool) => ({
        id: tool.id,
        group: 'Note',
        label: tool.label,
        shortcut: tool.shortcut,
        handledElsewhere: tool.native,
        run: () => {
          editor.focus();
          tool.run(editor);
        },
      })),
      { id: 'note.speaker', group: 'Note', label: 'Set speaker…', shortcut: SPEAKER_SHORTCUT, run: () => setChoosingSpeaker(true) },
    ],
    [editor],
  );
  useCommands(commands);

  return (
    <div className="note-editor">
      <div className="note-editor-bar">
        <Toolbar editor={editor} onSpeaker={() => setChoosingSpeaker(true)} />
        <div className="note-editor-meta">
          <span className="word-count">{words.toLocaleString('en-GB')} words</span>
          <SaveIndicator status={status} />
        </div>
      </div>
      <div className="note-scroll">
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-text" aria-label={label} aria-multiline="true" spellCheck />}
          placeholder={<p className="note-placeholder">Start typing. Type “P014:” to start a speaker’s turn; Ctrl+; inserts the time.</p>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <SpeakerTurnsPlugin />
      <WordCountPlugin onCount={setWords} />
      <AutosavePlugin
        noteId={note.id}
        revision={note.revision}
        onStatus={setStatus}
        onSaved={(wordCount) => onSaved?.(note.id, wordCount)}
      />
      <SpeakerDialog
        open={choosingSpeaker}
        choices={speakers}
        onClose={() => setChoosingSpeaker(false)}
        onChoose={(code) => {
          setChoosingSpeaker(false);
          editor.focus();
          setSpeaker(editor, code);
        }}
      />
    </div>
  );
}
