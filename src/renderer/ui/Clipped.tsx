/**
 * Text that may be very long (a 200-character role, organisation or title) in a table cell: one line cut with an
 * ellipsis, the whole of it on hover and while its row has focus (`.clip` in app.css), and always in the
 * accessibility tree, which reads the element's text, not what is painted.
 */
export function Clipped({ text }: { text: string }) {
  return (
    <span className="clip" title={text}>
      {text}
    </span>
  );
}
