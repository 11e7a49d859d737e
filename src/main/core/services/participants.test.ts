// Participants against real workspace files: codes, consent, links, cascades.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseParticipantCode } from '../../../shared/domain/participant';
import { addParticipant, refusal, reviewWorkspaces } from '../testing/participantFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { openWorkspace, type Workspace } from '../workspace/workspace';
import { createEngagement } from './engagements';
import {
  deleteParticipant,
  getParticipant,
  linkEngagement,
  listParticipants,
  participantsForEngagement,
  unlinkEngagement,
  updateParticipant,
} from './participants';

const folders = tempFolders();
const { newWorkspace, keep, closeAll } = reviewWorkspaces(folders);
afterEach(() => {
  closeAll();
  folders.cleanup();
});

const add = addParticipant;

const engagement = (w: Workspace, title = 'Moorfields Eye Hospital') =>
  createEngagement(w.db, { title, type: 'site_visit', date: '2018-06-19' }, TEST_REVIEWER.id);


describe('pseudonym codes', () => {
  it('are assigned P001, P002… in order of creation', () => {
    const w = newWorkspace();
    expect([add(w), add(w), add(w)].map((p) => p.code)).toEqual(['P001', 'P002', 'P003']);
  });

  it('are never reused after a delete, not even the highest, and survive reopening the file', () => {
    const w = newWorkspace();
    const [, second, third] = [add(w), add(w), add(w)];
    deleteParticipant(w.db, second!.id);
    deleteParticipant(w.db, third!.id);
    expect(add(w).code).toBe('P004');
    w.close();
    const again = keep(openWorkspace(w.path));
    expect(add(again).code).toBe('P005');
    expect(listParticipants(again.db).map((p) => p.code)).toEqual(['P001', 'P004', 'P005']);
  });

  it('grow past P999 and still sort by number', () => {
    const w = newWorkspace();
    w.db.prepare("INSERT INTO workspace_meta(key, value) VALUES ('participants.last_number', '998')").run();
    const codes = [add(w), add(w), add(w)].map((p) => p.code);
    expect(codes).toEqual(['P999', 'P1000', 'P1001']);
    expect(listParticipants(w.db).map((p) => p.code)).toEqual(codes);
  });

  it('stay unique and increasing under any sequence of creates, deletes and reopenings', () => {
    const op = fc.oneof(
      { weight: 5, arbitrary: fc.constant({ kind: 'create' as const }) },
      { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'delete' as const, pick })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let w = newWorkspace();
        const issued: number[] = [];
        for (const step of ops) {
          if (step.kind === 'create') {
            issued.push(parseParticipantCode(add(w).code)!);
          } else if (step.kind === 'delete') {
            const living = listParticipants(w.db);
            if (living.length) deleteParticipant(w.db, living[step.pick % living.length]!.id);
          } else {
            w.close();
            w = keep(openWorkspace(w.path));
          }
        }
        // Strictly increasing in order of creation means unique and never reused.
        issued.forEach((n, i) => expect(n).toBe(i + 1));
        const listed = listParticipants(w.db).map((p) => parseParticipantCode(p.code)!);
        expect(listed).toEqual([...listed].sort((a, b) => a - b));
        expect(new Set(listed).size).toBe(listed.length);
      }),
      { numRuns: 30 },
    );
  });
});

describe('a participant record', () => {
  it('keeps every field, with consent defaulting to "not for quotation"', () => {
    const w = newWorkspace();
    const bare = add(w);
    expect(bare).toMatchObject({ consent: 'none', consentDate: null, realName: '', role: '', attributes: {} });
    const full = add(w, {
      realName: '  Dr Amina Shah ',
      staffGroup: 'doctor',
      role: 'Consultant ophthalmologist',
      organisationType: 'Acute trust',
      region: 'London',
      consent: 'anonymous',
      consentDate: '2018-06-19',
    });
    expect(getParticipant(w.db, full.id)).toMatchObject({
      code: 'P002',
      realName: 'Dr Amina Shah',
      staffGroup: 'doctor',
      role: 'Consultant ophthalmologist',
      organisationType: 'Acute trust',
      region: 'London',
      consent: 'anonymous',
      consentDate: '2018-06-19',
      createdBy: TEST_REVIEWER.id,
      engagementIds: [],
    });
  });

  it('never carries the real name in a list', () => {
    const w = newWorkspace();
    add(w, { realName: 'Dr Amina Shah', role: 'Consultant' });
    const [summary] = listParticipants(w.db);
    expect(summary).not.toHaveProperty('realName');
    expect(JSON.stringify(summary)).not.toContain('Amina');
    expect(listParticipants(w.db, { query: 'Amina' })).toEqual([]);
  });

  it('updates only the fields named, and stamps updatedAt', async () => {
    const w = newWorkspace();
    const p = add(w, { role: 'Ward sister', region: 'Midlands', realName: 'Jo Bloggs' });
    await new Promise((r) => setTimeout(r, 5));
    const updated = updateParticipant(w.db, { id: p.id, consent: 'attributed', consentDate: '2018-07-01', realName: '' });
    expect(updated).toMatchObject({ role: 'Ward sister', region: 'Midlands', consent: 'attributed', realName: '' });
    expect(updated.updatedAt > p.updatedAt).toBe(true);
    expect(updated.code).toBe(p.code);
    expect(updateParticipant(w.db, { id: p.id, consentDate: null }).consentDate).toBeNull();
  });

  it('refuses an unknown consent level even from a writer that skips the contract', () => {
    const w = newWorkspace();
    const p = add(w);
    expect(() => w.db.prepare("UPDATE participants SET consent = 'maybe' WHERE id = ?").run(p.id)).toThrow(/CHECK/);
    expect(getParticipant(w.db, p.id).consent).toBe('none');
  });

  it('answers NOT_FOUND with a sentence for a participant that is gone', () => {
    const w = newWorkspace();
    const p = add(w);
    deleteParticipant(w.db, p.id);
    expect(refusal(() => getParticipant(w.db, p.id), 'NOT_FOUND')).toMatch(/no longer exists/);
    refusal(() => updateParticipant(w.db, { id: p.id, role: 'x' }), 'NOT_FOUND');
    refusal(() => deleteParticipant(w.db, p.id), 'NOT_FOUND');
  });
});

describe('engagements', () => {
  it('link, list per engagement, and unlink; twice changes nothing', () => {
    const w = newWorkspace();
    const visit = engagement(w);
    const other = engagement(w, 'Leeds workshop');
    const [a, b, c] = [add(w), add(w), add(w)];
    linkEngagement(w.db, c!.id, visit.id);
    linkEngagement(w.db, a!.id, visit.id);
    linkEngagement(w.db, a!.id, visit.id);
    linkEngagement(w.db, b!.id, other.id);
    expect(participantsForEngagement(w.db, visit.id).map((p) => p.code)).toEqual(['P001', 'P003']);
    expect(getParticipant(w.db, a!.id).engagementIds).toEqual([visit.id]);
    expect(listParticipants(w.db).map((p) => p.engagementCount)).toEqual([1, 1, 1]);
    unlinkEngagement(w.db, a!.id, visit.id);
    unlinkEngagement(w.db, a!.id, visit.id);
    expect(participantsForEngagement(w.db, visit.id).map((p) => p.code)).toEqual(['P003']);
    expect(getParticipant(w.db, a!.id).code).toBe('P001');
  });

  it('can be made as a participant is created, in the same step', () => {
    const w = newWorkspace();
    const visit = engagement(w);
    const p = add(w, { engagementId: visit.id });
    expect(p.engagementIds).toEqual([visit.id]);
    expect(refusal(() => add(w, { engagementId: 'gone' }), 'NOT_FOUND')).toMatch(/engagement no longer exists/);
    // The refused create took no code and left no one behind.
    expect(add(w).code).toBe('P002');
  });

  it('refuses links to what does not exist', () => {
    const w = newWorkspace();
    const visit = engagement(w);
    const p = add(w);
    expect(refusal(() => linkEngagement(w.db, p.id, 'no-such-engagement'), 'NOT_FOUND')).toMatch(/engagement/);
    refusal(() => linkEngagement(w.db, 'no-such-participant', visit.id), 'NOT_FOUND');
    refusal(() => participantsForEngagement(w.db, 'no-such-engagement'), 'NOT_FOUND');
  });

  it('go with a deleted engagement; the participants stay', () => {
    const w = newWorkspace();
    const visit = engagement(w);
    const p = add(w);
    linkEngagement(w.db, p.id, visit.id);
    w.db.prepare('DELETE FROM engagements WHERE id = ?').run(visit.id);
    expect(getParticipant(w.db, p.id).engagementIds).toEqual([]);
    expect(w.db.prepare('SELECT count(*) FROM engagement_participants').pluck().get()).toBe(0);
  });

  it('go with a deleted participant, with their attribute values', () => {
    const w = newWorkspace();
    const visit = engagement(w);
    const p = add(w);
    linkEngagement(w.db, p.id, visit.id);
    w.db.prepare("INSERT INTO participant_attributes VALUES ('band', 'Band', 'text', '[]', 1, '', ?)").run(TEST_REVIEWER.id);
    updateParticipant(w.db, { id: p.id, attributes: { band: '7' } });
    deleteParticipant(w.db, p.id);
    expect(participantsForEngagement(w.db, visit.id)).toEqual([]);
    expect(w.db.prepare('SELECT count(*) FROM participant_attribute_values').pluck().get()).toBe(0);
    expect(w.db.pragma('foreign_key_check')).toEqual([]);
  });
});
