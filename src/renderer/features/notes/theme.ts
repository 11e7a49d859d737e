import type { EditorThemeClasses } from 'lexical';

/** Class names the editor puts on its nodes; styled in styles/editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-paragraph',
  quote: 'ed-quote',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3' },
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li', nested: { listitem: 'ed-li-nested' } },
  text: { bold: 'ed-bold', italic: 'ed-italic', underline: 'ed-underline' },
};
