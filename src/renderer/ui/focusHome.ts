/**
 * Where keyboard focus goes when what held it is gone (issue 11: never <body>, where the next key does nothing):
 * a dialog closed whose opener went with it, a list row pressed that opened the page replacing the list.
 */

/** The main area when focusHome fell back to it, until focus leaves it: the screen's own home may still come. */
let fellBackTo: HTMLElement | null = null;

/**
 * Focus the next thing to use on the screen as it is now: the open note, else the screen's primary action
 * (marked `data-focus-home`), else the main area.
 */
export function focusHome(): void {
  const home =
    document.querySelector<HTMLElement>('.note-text[contenteditable="true"]') ??
    document.querySelector<HTMLElement>('[data-focus-home]');
  if (home) return home.focus();
  const main = document.querySelector<HTMLElement>('#main');
  if (!main) return;
  main.focus();
  fellBackTo = main;
  main.addEventListener('blur', () => (fellBackTo = null), { once: true });
}

/**
 * Focus rests nowhere chosen: on <body>, on an element since removed, or on the main area only because the
 * screen's home was not there yet (a page still loading its data). A main area reached by the skip link is chosen.
 */
export function focusAdrift(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || active === fellBackTo;
}
