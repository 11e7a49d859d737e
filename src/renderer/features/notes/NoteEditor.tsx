import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Note } from '../../../shared/domain/note';
import { noteNodes } from '../../../shared/note/nodes';
import { NoteSectionNode } from '../../../shared/note/NoteSectionNode';
import { useQuery } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import type { NoteLocation } from '../../app/navigation';
import { useCommands, type Command } from '../../commands/registry';
import { setSpeaker, speakerCodeAtCaret } from './blockCommands';
import { ConflictNotice } from './ConflictNotice';
import { NoteContextMenu } from './NoteContextMenu';
import { DetachedNotice } from '../passages/DetachedNotice';
import { PassageBar } from '../passages/PassageBar';
import { PassageHighlightsPlugin } from '../passages/PassageHighlightsPlugin';
import { PassageLabelsPlugin } from '../passages/PassageLabelsPlugin';
import { CopyPlugin } from '../passages/CopyPlugin';
import { PastePlugin } from '../passages/PastePlugin';
import { TAG_SHORTCUT } from '../passages/shortcuts';
import { holdSelection, releaseSelection, selectionRect } from '../passages/selectionOnScreen';
import { syncSelectionFromDom } from '../passages/tagging';
import { TagDialog } from '../passages/TagDialog';
import { useTagging } from '../passages/useTagging';
import { useThemeIndex } from '../themes/useThemeIndex';
import { RevealPlugin } from './plugins/RevealPlugin';
import { CaretSyncPlugin } from './plugins/CaretSyncPlugin';
import { NoteDocumentPlugin } from './plugins/NoteDocumentPlugin';
import { TypedTextPlugin } from './plugins/TypedTextPlugin';
import { UnknownSpeakersPlugin } from './plugins/UnknownSpeakersPlugin';
import { SaveIndicator } from './SaveIndicator';
import { SpeakerDialog } from './SpeakerDialog';
import { editorTheme } from './theme';
import { editorTools, SPEAKER_SHORTCUT, Toolbar } from './Toolbar';
import { useNoteSession, type Recovered } from './useNoteSession';
import { takeOverUnsaved } from './savers';
import { useSpeakerLinks } from './useSpeakerLinks';
import { useSpeakers } from './useSpeakers';
import '../../styles/editor.css';
import '../../styles/passages.css';

interface Props {
  note: Note;
  /** Names the editor for screen readers: "Notes — Moorfields Eye Hospital". */
  label: string;
  onSaved?: (noteId: string, wordCount: number) => void;
  /** A jump asked to show this passage or range. */
  reveal?: NoteLocation;
  /** Put the caret in the note as soon as it opens (a note just created). */
  focusOnOpen?: boolean;
  /** After a conflict was settled: open this note afresh. */
  onConflictResolved?: (openNoteId: string) => void;
}

const wordsText = (count: number) => `${count.toLocaleString('en-GB')} words`;
/** How long after the last save's answer the notes list is told the new word count. */
const LIST_AFTER_MS = 1000;

/** The live note: rich text that saves itself, with tagged passages. Mount with key={note.id}. */
export function NoteEditor({ note, label, onSaved, reveal, focusOnOpen, onConflictResolved }: Props) {
  // Text an earlier editor of this note could not save yet wins over the stored document.
  const [recovered] = useState(() => takeOverUnsaved(note.id));
  const initialConfig = useMemo(
    () => ({
      namespace: 'fieldnotes-note',
      // Sections only here: the live note's blocks are grouped for the browser's sake (NoteSectionNode.ts).
      nodes: [...noteNodes, NoteSectionNode],
      theme: editorTheme,
      // Empty: NoteDocumentPlugin loads the document once the note's transforms are registered (issue 11).
      editorState: null,
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
      <EditorBody note={note} label={label} onSaved={onSaved} reveal={reveal} recovered={recovered} focusOnOpen={focusOnOpen} onConflictResolved={onConflictResolved} />
    </LexicalComposer>
  );
}

function EditorBody({ note, label, onSaved, reveal, recovered, focusOnOpen, onConflictResolved }: Props & { recovered: Recovered | null }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (focusOnOpen) editor.focus();
    // Once, as the note opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { reviewer } = useApp();
  // The count comes with each save's answer: counting a 200,000-word note in the page was a long task (issue 11).
  // It is written straight to the page, and told to the notes list once saves pause: a render while the caret
  // is in the note walks the note's whole DOM (see SaveIndicator), and saves come twice a second.
  const words = useRef({ count: note.wordCount, shown: null as HTMLSpanElement | null, toList: 0 });
  const session = useNoteSession(editor, note, recovered, (count) => {
    const w = words.current;
    w.count = count;
    // The text node React made, so a later render and this write agree on one node.
    if (w.shown?.firstChild) w.shown.firstChild.nodeValue = wordsText(count);
    window.clearTimeout(w.toList);
    w.toList = window.setTimeout(() => onSaved?.(note.id, count), LIST_AFTER_MS);
  });
  useEffect(() => {
    const w = words.current;
    return () => {
      // Leaving the note: the list learns the last count now.
      if (w.toList) onSaved?.(note.id, w.count);
      window.clearTimeout(w.toList);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const themes = useThemeIndex();
  const tagging = useTagging(editor, session);
  const speakers = useSpeakers(note.engagementId);
  const [choosingSpeaker, setChoosingSpeaker] = useState(false);
  const noteSpeakers = useQuery('speakers.forNote', { noteId: note.id });
  const [linking, setLinking] = useState<string | null>(null);
  const { isLinked, setLink, announcement: linkAnnouncement } = useSpeakerLinks(note.id, noteSpeakers.data, session.setPassages);
  const refetchSpeakers = noteSpeakers.refetch;
  const speakersTimer = useRef(0);
  // A new code is recorded by the autosave (its maximum wait is ~500 ms): ask for the note's speakers after it.
  const unseenCode = useCallback(() => {
    window.clearTimeout(speakersTimer.current);
    speakersTimer.current = window.setTimeout(() => void refetchSpeakers(), 1500);
  }, [refetchSpeakers]);
  useEffect(() => () => window.clearTimeout(speakersTimer.current), []);
  // A passage to reveal is found once the note's passages have loaded.
  const found = reveal?.passageId ? session.passages.find((p) => p.id === reveal.passageId) : undefined;
  const revealedPassage = found && !found.detached ? { start: found.start, end: found.end } : undefined;
  const notePassageIds = useMemo(() => new Set(session.passages.map((p) => p.id)), [session.passages]);

  const { openPicker, atCaret, picking } = tagging;
  useEffect(() => {
    if (!picking) releaseSelection();
  }, [picking]);
  const [pickAnchor, setPickAnchor] = useState<DOMRect | null>(null);
  const tag = useMemo(
    () => () => {
      syncSelectionFromDom(editor);
      setPickAnchor(selectionRect());
      holdSelection();
      const collapsed = editor.getEditorState().read(() => {
        const selection = $getSelection();
        return !$isRangeSelection(selection) || selection.isCollapsed();
      });
      openPicker(collapsed && atCaret.length === 1 ? atCaret[0]! : null);
    },
    [editor, openPicker, atCaret],
  );

  const commands = useMemo<Command[]>(
    () => [
      ...editorTools.map((tool) => ({
        id: tool.id,
        group: 'Note',
        label: tool.label,
        keywords: tool.keywords,
        shortcut: tool.shortcut,
        handledElsewhere: tool.native,
        run: () => {
          editor.focus();
          tool.run(editor);
        },
      })),
      { id: 'note.speaker', group: 'Note', label: 'Set speaker…', shortcut: SPEAKER_SHORTCUT, run: () => setChoosingSpeaker(true) },
      { id: 'note.tag', group: 'Note', label: 'Tag selection with a theme…', keywords: 'code coding label', shortcut: TAG_SHORTCUT, run: tag },
      {
        id: 'note.linkSpeaker',
        group: 'Note',
        label: 'Link speaker to a participant…',
        // On a speaker turn: its code is linked in this note only, by this choice (issue 11).
        enabled: () => speakerCodeAtCaret(editor) !== null,
        run: () => setLinking(speakerCodeAtCaret(editor)),
      },
      {
        id: 'note.unlinkSpeaker',
        group: 'Note',
        label: 'Unlink speaker',
        // On a linked turn: its code in this note becomes an unknown speaker again, its passages nobody's.
        enabled: () => isLinked(speakerCodeAtCaret(editor)),
        run: () => {
          const code = speakerCodeAtCaret(editor);
          if (code) void setLink(code, null);
        },
      },
    ],
    [editor, tag, isLinked, setLink],
  );
  useCommands(commands);
  // A passage following a turn whose code is linked to nobody is an unknown speaker's: its consent is unknown.
  const turnCode = tagging.atCaret.some((p) => p.participantId === null && !p.speakerSetByHand) ? speakerCodeAtCaret(editor) : null;
  const unknownSpeaker = turnCode !== null && !isLinked(turnCode) ? turnCode : null;

  return (
    <div className="note-editor">
      <div className="note-editor-bar">
        <Toolbar editor={editor} onSpeaker={() => setChoosingSpeaker(true)} onTag={tag} />
        <div className="note-editor-meta">
          <span className="word-count" ref={(element) => void (words.current.shown = element)}>
            {/* The count as opened; each save's answer rewrites this text node in place. */}
            {wordsText(note.wordCount)}
          </span>
          {session.conflicted ? (
            // Steady while the choice is open: the retries' "Saving…" would move the buttons under the pointer.
            <span className="save-indicator failed">Not saved: changed in another tab or window</span>
          ) : (
            <SaveIndicator status={session.status} watch={session.watchStatus} />
          )}
        </div>
      </div>
      {session.conflicted && onConflictResolved && <ConflictNotice noteId={note.id} document={session.document} onResolved={onConflictResolved} />}
      <DetachedNotice passages={tagging.detached} themes={themes} onRemove={tagging.remove} />
      <p className="visually-hidden" role="status">
        {tagging.announcement}
      </p>
      <p className="visually-hidden" role="status">
        {linkAnnouncement}
      </p>
      {tagging.tagError && (
        <p className="error tag-error" role="alert">
          {tagging.tagError}
        </p>
      )}
      <NoteContextMenu onTag={tag}>
        <div className="note-scroll">
          <RichTextPlugin
            contentEditable={<ContentEditable className="note-text" aria-label={label} aria-multiline="true" spellCheck tabIndex={0} />}
            placeholder={<p className="note-placeholder">Start typing. Type “P014:” to start a speaker’s turn; Ctrl+; inserts the time.</p>}
            ErrorBoundary={LexicalErrorBoundary}
          />
          {/* In the scrolling column, after the text: its "Link…" buttons are placed beside the labels. */}
          <UnknownSpeakersPlugin speakers={noteSpeakers.data} onUnseenCode={unseenCode} onLink={setLinking} />
        </div>
      </NoteContextMenu>
      <PassageBar
        passages={tagging.atCaret}
        themes={themes}
        speakers={speakers}
        reviewerId={reviewer.id}
        unknownSpeaker={unknownSpeaker}
        onAddTheme={(p) => {
          setPickAnchor(document.activeElement?.getBoundingClientRect() ?? null);
          tagging.openPicker(p);
        }}
        onRemoveTheme={(p, themeId) => void tagging.removeTheme(p, themeId)}
        onUpdate={(p, change) => void tagging.update(p, change)}
        onRemove={(p) => void tagging.remove(p)}
        onReturnToNote={() => editor.focus()}
      />
      <HistoryPlugin />
      <NoteDocumentPlugin document={recovered?.document ?? note.document} />
      <CopyPlugin />
      <CaretSyncPlugin />
      <TypedTextPlugin />
      <PastePlugin index={tagging.index} notePassageIds={notePassageIds} />
      {/* Painted once the note's passages have loaded: painting its 4,000 marks as "no passage" first cost a second pass. */}
      <PassageHighlightsPlugin reviewerId={reviewer.id} index={tagging.index} passages={session.passagesLoaded ? session.passages : null} themes={themes} />
      <PassageLabelsPlugin index={tagging.index} passages={session.passagesLoaded ? session.passages : null} themes={themes} />
      <RevealPlugin reveal={reveal} passageRange={revealedPassage} />
      <SpeakerDialog
        open={choosingSpeaker}
        choices={speakers.map((s) => ({ code: s.code, description: s.description }))}
        onClose={() => setChoosingSpeaker(false)}
        onChoose={(code) => {
          setChoosingSpeaker(false);
          editor.focus();
          setSpeaker(editor, code);
        }}
      />
      <SpeakerDialog
        open={linking !== null}
        wording={{
          title: `Link speaker ${linking ?? ''} to…`,
          hint: `Every turn labelled “${linking ?? ''}:” in this note, and its passages, will be this participant’s. Other notes keep their own links.`,
          submit: 'Link speaker',
          // Someone given this code since the turn was written is the likely answer, offered (never taken) here.
          initial: speakers.some((s) => s.code === linking) ? (linking ?? '') : '',
          check: (code) =>
            speakers.some((s) => s.code === code) ? null : `No participant has the code ${code}. Add them under Participants first, or choose one from the list.`,
        }}
        choices={speakers.map((s) => ({ code: s.code, description: s.description }))}
        onClose={() => setLinking(null)}
        onChoose={(code) => {
          const participant = speakers.find((s) => s.code === code);
          const speakerCode = linking;
          setLinking(null);
          editor.focus();
          if (participant && speakerCode) void setLink(speakerCode, participant);
        }}
        onUnlink={
          isLinked(linking)
            ? () => {
                const speakerCode = linking!;
                setLinking(null);
                editor.focus();
                void setLink(speakerCode, null);
              }
            : undefined
        }
      />
      <TagDialog
        open={tagging.picking !== null}
        themes={themes}
        already={tagging.picking?.passage?.tags.map((t) => t.themeId) ?? []}
        error={tagging.pickError}
        anchor={pickAnchor}
        onChoose={(choice) => tagging.choose(choice, 'id' in choice ? themes.get(choice.id)?.name : undefined)}
        onClose={() => {
          tagging.closePicker();
          editor.focus();
        }}
      />
    </div>
  );
}

