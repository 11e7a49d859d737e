import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { placeMenu, pointAnchor, type MenuAnchor } from './menuPlacement';

export interface MenuItem {
  label: string;
  /** Shown beside the label: the key that does the same without the menu. */
  shortcut?: string;
  run: () => void;
}

/**
 * What a menu opens from: the pointer, or from the keyboard's Menu key or Shift+F10 `fallback`'s box (the row, the
 * selection), so that flipped up it opens above the thing rather than over it. Chromium gives a keyboard's menu
 * button -1 and a point in the middle of the focused element; other engines no point at all.
 */
export function menuAnchor(event: MouseEvent, fallback: DOMRect): MenuAnchor {
  return event.button >= 0 && (event.clientX || event.clientY)
    ? pointAnchor(event.clientX, event.clientY)
    : { left: fallback.left, top: fallback.top, right: fallback.right, bottom: fallback.bottom };
}

interface Props {
  label: string;
  at: MenuAnchor;
  items: readonly MenuItem[];
  /** Closed without a choice (Escape, a click elsewhere, the window losing focus), or after one. */
  onClose: () => void;
}

/**
 * A right-click menu: the first item takes focus, ↑ ↓ move between items, Enter chooses, Escape closes. Each item
 * repeats a command the palette and a shortcut also hold, so the menu is never the only way (WCAG 2.5.7).
 */
export function ContextMenu({ label, at, items, onClose }: Props) {
  const menu = useRef<HTMLDivElement | null>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useLayoutEffect(() => {
    // Measured where it cannot be squeezed by an edge, then placed whole inside the window, before it is painted.
    const el = menu.current!;
    el.style.setProperty('left', '0px');
    el.style.setProperty('top', '0px');
    const { width, height } = el.getBoundingClientRect();
    // The window less its scroll bars; a document not laid out (no size) has only the window's.
    const root = document.documentElement;
    const viewport = { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
    const { x, y } = placeMenu(at, { width, height }, viewport);
    el.style.setProperty('left', `${x}px`);
    el.style.setProperty('top', `${y}px`);
  }, [at]);
  useEffect(() => {
    // Focus goes back where it was when the menu closes with nothing else taking it (Escape, or a choice whose
    // dialog then takes it and gives it back there): never to the page body.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    menu.current?.querySelector('button')?.focus();
    const closeNow = () => close.current();
    window.addEventListener('click', closeNow);
    window.addEventListener('blur', closeNow);
    return () => {
      window.removeEventListener('click', closeNow);
      window.removeEventListener('blur', closeNow);
      if (!document.activeElement || document.activeElement === document.body) opener?.focus();
    };
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(menu.current?.querySelectorAll('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Tab') {
      onClose();
    }
  };
  return (
    <div
      className="context-menu"
      role="menu"
      aria-label={label}
      ref={menu}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          onClick={(event) => {
            event.stopPropagation();
            onClose();
            item.run();
          }}
        >
          {item.label} {item.shortcut && <kbd>{item.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
