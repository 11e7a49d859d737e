// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { answered, eventually, fakeCore, Screen } from '../../api/testCore';
import { themeListItem } from './testThemes';
import { useCodebook } from './useCodebook';
import { useThemeIndex } from './useThemeIndex';

const theme = themeListItem;

function codebookCore() {
  const themes = [theme('t', 'Technology'), theme('ai', 'Artificial intelligence', 't')];
  const core = fakeCore({
    'themes.list': () => themes.map((t) => ({ ...t })),
    'themes.create': ({ name }: { name: string }) => {
      const added = theme(name.toLowerCase(), name);
      themes.push(added);
      return added;
    },
  });
  return { core, add: (name: string) => themes.push(theme(name.toLowerCase(), name)) };
}

// The themes area's tree and the note editor's picker, on screen together.
function Tree() {
  const { themes, error } = useCodebook();
  return <p data-id="tree">{error?.message ?? themes?.map((t) => t.name).join(', ') ?? 'loading'}</p>;
}
function Picker() {
  const index = useThemeIndex();
  return <p data-id="picker">{[...index.values()].map((t) => t.path ? `${t.path} › ${t.name}` : t.name).join('; ')}</p>;
}

const screen = new Screen();
afterEach(() => screen.unmount());

describe('the codebook, loaded once for every screen that shows it', () => {
  it('one themes.list answer serves the tree and the theme index', async () => {
    const { core } = codebookCore();
    await screen.render(
      <>
        <Tree />
        <Picker />
      </>,
      core,
    );
    await eventually(() => expect(screen.text('picker')).toBe('Technology; Technology › Artificial intelligence'));
    expect(screen.text('tree')).toBe('Technology, Artificial intelligence');
    await answered(core);
    expect(core.count('themes.list')).toBe(1);
  });

  it('both follow a change the core announces, made by another screen', async () => {
    const { core, add } = codebookCore();
    await screen.render(
      <>
        <Tree />
        <Picker />
      </>,
      core,
    );
    await eventually(() => expect(screen.text('tree')).toBe('Technology, Artificial intelligence'));
    // Tagging with a new theme (passages) creates it: the codebook is stale too.
    add('Ethics');
    core.announce('passages.tagWithNewTheme');
    await eventually(() => expect(screen.text('picker')).toBe('Technology; Technology › Artificial intelligence; Ethics'));
    expect(screen.text('tree')).toBe('Technology, Artificial intelligence, Ethics');
    await answered(core);
    expect(core.count('themes.list')).toBe(2);
  });

  it('a failure to load the index is shown to a person, not dropped', async () => {
    const { core } = codebookCore();
    core.failOnce('themes.list', 'The workspace file could not be read.');
    await screen.render(<Picker />, core);
    await eventually(() => expect(screen.notice()).toBe('The workspace file could not be read.'));
    expect(screen.text('picker')).toBe('');
  });

  it('the tree shows its own failure in place (and the notice stays quiet)', async () => {
    const { core } = codebookCore();
    core.failOnce('themes.list', 'The workspace file could not be read.');
    await screen.render(<Tree />, core);
    await eventually(() => expect(screen.text('tree')).toBe('The workspace file could not be read.'));
    await answered(core);
    expect(screen.notice()).toBe('');
  });
});
