/** What counts as someone at the keyboard. */
export const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'input'] as const;

/**
 * Call `onIdle` once nobody has used `target` for `ms`: every key, click,
 * pointer movement or scroll starts the wait again. Returns the way to stop.
 */
export function watchIdle(target: EventTarget, ms: number, onIdle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  restart();
  for (const event of ACTIVITY) target.addEventListener(event, restart, { capture: true, passive: true });
  return () => {
    clearTimeout(timer);
    for (const event of ACTIVITY) target.removeEventListener(event, restart, { capture: true });
  };
}
