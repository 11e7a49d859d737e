import { useId, useMemo, useState } from 'react';
import { findingLabel } from '../../../shared/domain/finding';
import { useQuery } from '../../api/queries';
import { CitedIn } from '../findings/CitedIn';
import { evidencePicker } from '../findings/links';
import { useCommands, type Command } from '../../commands/registry';
import type { Consent } from '../../../shared/domain/participant';
import type { Passage } from '../../../shared/domain/passage';
import { ConsentSign, UnknownConsentSign } from '../participants/ConsentSign';
import { formatShortcut } from '../../commands/shortcut';
import { SaidByField } from './SaidByField';
import { TAG_SHORTCUT } from './shortcuts';
import type { ThemeIndex } from '../themes/useThemeIndex';

export interface SpeakerOption {
  id: string;
  code: string;
  description: string;
  consent: Consent;
}

interface Props {
  passages: Passage[];
  themes: ThemeIndex;
  speakers: SpeakerOption[];
  reviewerId: string;
  /** The code of the speaker turn at the caret when it is linked to nobody (an unknown speaker), else null. */
  unknownSpeaker: string | null;
  onAddTheme: (passage: Passage) => void;
  onRemoveTheme: (passage: Passage, themeId: string) => void;
  onUpdate: (passage: Passage, change: { memo?: string; keyQuote?: boolean; participantId?: string | null; speakerFromTurn?: true }) => void;
  onRemove: (passage: Passage) => void;
  /** Escape in the passage's fields: the keyboard goes back to the note. */
  onReturnToNote: () => void;
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The passage(s) at the caret: themes, memo, key quote and speaker — reachable by Tab from the note. */
export function PassageBar(props: Props) {
  // "Add to finding…" from the palette too (issue 8: the palette holds every action), for the passages shown.
  const key = props.passages.map((p) => p.id).join(' ');
  const commands = useMemo<Command[]>(() => {
    const passageIds = key ? key.split(' ') : [];
    if (passageIds.length === 0) return [];
    const label = passageIds.length === 1 ? 'Add the passage at the cursor to a finding…' : 'Add the passages at the cursor to a finding…';
    return [{ id: 'passage.addToFinding', group: 'Passage', label, run: () => evidencePicker.emit({ passageIds }) }];
  }, [key]);
  useCommands(commands);
  if (props.passages.length === 0) return null;
  return (
    <section className="passage-bar" aria-label="Passage at the cursor">
      {props.passages.map((p) => (
        <PassageCard key={p.id} passage={p} {...props} />
      ))}
    </section>
  );
}

function PassageCard({ passage, themes, speakers, reviewerId, unknownSpeaker, onAddTheme, onRemoveTheme, onUpdate, onRemove, onReturnToNote }: Props & { passage: Passage }) {
  const keyId = useId();
  const taggers = new Set(passage.tags.map((t) => (t.taggedBy === reviewerId ? 'you' : 'another reviewer')));
  const latest = passage.tags.at(-1);
  const speaker = speakers.find((s) => s.id === passage.participantId);
  const notQuotable = speaker?.consent === 'none' ? speaker : null;
  // Following its turn, whose code is linked to nobody: whoever said it, their consent is unknown (issue 11).
  const unknownCode = passage.participantId === null && !passage.speakerSetByHand ? unknownSpeaker : null;
  const warning = notQuotable
    ? `${notQuotable.code} did not consent to quotation. A key quote of theirs is never quoted in the report; it can still stand as evidence.`
    : unknownCode
      ? `${unknownCode} is not linked to a participant, so whether they consented to quotation is unknown. Link the speaker before quoting them; a key quote can still stand as evidence.`
      : null;
  // Making a passage of someone not for quotation (or of unknown consent) a key quote asks first.
  const [confirmingKey, setConfirmingKey] = useState(false);
  // Removing a passage a finding cites says so first (issue 8): the finding keeps only its text.
  const { data: citing } = useQuery('findings.citing', { passageIds: [passage.id] });
  const cited = citing?.[passage.id] ?? [];
  const remove = () => {
    if (cited.length === 0) return onRemove(passage);
    const names = cited.map((f) => findingLabel(f.number)).join(', ');
    if (window.confirm(`${names} cite${cited.length === 1 ? 's' : ''} this passage. Remove it anyway? The finding keeps its text, marked deleted.`)) onRemove(passage);
  };
  return (
    <article className="passage-card" aria-label={`Passage: ${passage.quotedText.slice(0, 60)}`}>
      <p className="passage-quote">“{passage.quotedText.length > 160 ? `${passage.quotedText.slice(0, 160)}…` : passage.quotedText}”</p>
      <ul className="chips" aria-label="Themes">
        {passage.tags.map((tag) => {
          const theme = themes.get(tag.themeId);
          return (
            <li key={tag.themeId} className="chip" ref={(el) => el?.style.setProperty('--chip', theme?.colour ?? 'var(--text-soft)')}>
              <span className="chip-swatch" aria-hidden="true" />
              {theme?.name ?? 'Unknown theme'}
              <button type="button" className="chip-remove" aria-label={`Remove theme ${theme?.name ?? ''}`} onClick={() => onRemoveTheme(passage, tag.themeId)}>
                ×
              </button>
            </li>
          );
        })}
        <li>
          <button type="button" className="quiet" onClick={() => onAddTheme(passage)}>
            Add theme <kbd>{formatShortcut(TAG_SHORTCUT)}</kbd>
          </button>
        </li>
      </ul>
      <div className="passage-fields">
        <label className="check" htmlFor={keyId}>
          <input
            id={keyId}
            type="checkbox"
            checked={passage.keyQuote}
            onChange={(e) => {
              if (e.target.checked && warning) setConfirmingKey(true);
              else onUpdate(passage, { keyQuote: e.target.checked });
            }}
          />
          Key quote
        </label>
        {notQuotable && <ConsentSign code={notQuotable.code} />}
        {unknownCode && <UnknownConsentSign code={unknownCode} />}
        <SaidByField passage={passage} speakers={speakers} onChange={(change) => onUpdate(passage, change)} />
        <button type="button" className="quiet danger" onClick={remove}>
          Remove passage
        </button>
      </div>
      {confirmingKey && warning && (
        <div className="consent-warning" role="alert">
          <p>{warning}</p>
          <button
            type="button"
            autoFocus
            onClick={() => {
              setConfirmingKey(false);
              onUpdate(passage, { keyQuote: true });
            }}
          >
            Mark as key quote anyway
          </button>
          <button type="button" className="quiet" onClick={() => setConfirmingKey(false)}>
            Cancel
          </button>
        </div>
      )}
      <CitedIn passageId={passage.id} />
      <MemoField key={`${passage.id}:${passage.memo}`} saved={passage.memo} onSave={(memo) => onUpdate(passage, { memo })} onEscape={onReturnToNote} />
      <p className="passage-meta">
        Tagged by {[...taggers].join(' and ')}
        {latest ? `, last ${when.format(new Date(latest.taggedAt))}` : ''}
      </p>
    </article>
  );
}

/** The memo is saved when the field is left; keyed by the saved text so a change elsewhere resets it. */
function MemoField({ saved, onSave, onEscape }: { saved: string; onSave: (memo: string) => void; onEscape: () => void }) {
  const [memo, setMemo] = useState(saved);
  const id = useId();
  return (
    <div className="field memo">
      <label htmlFor={id}>Memo</label>
      <textarea
        id={id}
        rows={2}
        value={memo}
        onChange={(e) => setMemo(e.target.value)}
        onBlur={() => memo !== saved && onSave(memo)}
        onKeyDown={(e) => {
          // Leaving the field saves the memo (on blur); the caret returns to where it was in the note.
          if (e.key !== 'Escape') return;
          e.preventDefault();
          onEscape();
        }}
        placeholder="Why this passage matters, what to check…"
      />
    </div>
  );
}
