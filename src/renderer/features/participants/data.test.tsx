// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParticipantFilters, ParticipantSummary } from '../../../shared/domain/participant';
import { answered, eventually, fakeCore, Screen } from '../../api/testCore';
import { useSpeakers } from '../notes/useSpeakers';
import { useParticipantList } from './data';

const person = (id: string, code: string): ParticipantSummary =>
  ({ id, code, staffGroup: 'nurse', role: '', consent: 'anonymous', organisationType: '', region: '', attributes: {}, engagementCount: 0 }) as unknown as ParticipantSummary;

function participantsCore() {
  const everyone = [person('1', 'P001'), person('2', 'P002')];
  const linked = new Set(['2']);
  const core = fakeCore({
    'participants.list': async (filters: ParticipantFilters & { engagementId?: string }) => {
      // The first search answers slowest, so its stale answer arrives after the newer one.
      if (filters.query === 'P00') await new Promise((r) => setTimeout(r, 60));
      return everyone.filter(
        (p) => (!filters.query || p.code.includes(filters.query)) && (!filters.engagementId || linked.has(p.id)),
      );
    },
  });
  return { core, everyone, linked };
}

const screen = new Screen();
afterEach(() => screen.unmount());

describe('the participants data hooks', () => {
  it('drop a stale answer: the list shows the latest filter', async () => {
    const { core } = participantsCore();
    let search: (s: string) => void = () => {};
    function List() {
      const [text, set] = useState('P00');
      search = set;
      const { data } = useParticipantList({ query: text });
      return <p data-id="list">{data?.map((p) => p.code).join(', ') ?? 'loading'}</p>;
    }
    await screen.render(<List />, core);
    act(() => search('P002'));
    await eventually(() => expect(screen.text('list')).toBe('P002'));
    await answered(core);
    expect(core.count('participants.list')).toBe(2);
    expect(screen.text('list')).toBe('P002');
  });

  it('speakers: this engagement first, refreshed when participants change elsewhere', async () => {
    const { core, everyone, linked } = participantsCore();
    function Speakers() {
      return <p data-id="speakers">{useSpeakers('e1').map((s) => s.code + (s.description.includes('not at') ? '*' : '')).join(', ')}</p>;
    }
    await screen.render(<Speakers />, core);
    await eventually(() => expect(screen.text('speakers')).toBe('P002, P001*'));
    everyone.push(person('3', 'P003'));
    linked.add('3');
    // Linked from the engagement page's participants panel: this screen learns of it by the announcement alone.
    core.announce('participants.linkEngagement');
    await eventually(() => expect(screen.text('speakers')).toBe('P002, P003, P001*'));
  });
});
