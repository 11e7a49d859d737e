import type { Locator, Page } from '@playwright/test';

/**
 * Contrast measured in the page, as WCAG computes it, for what axe does not
 * check: the focus ring against what is behind it, the active option's
 * outline against its list, an underline against the page. Colours are read
 * with getComputedStyle and resolved through a canvas, so color-mix() and
 * named colours come out as sRGB.
 */
const HELPERS = `
  const toRgb = (css) => {
    const c = document.createElement('canvas').getContext('2d');
    c.fillStyle = '#000'; c.fillStyle = css; c.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = c.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => { const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p); return (hi + 0.05) / (lo + 0.05); };
  const behind = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = toRgb(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0.99) return bg;
    }
    return toRgb(getComputedStyle(document.body).backgroundColor);
  };
  const shadowColour = (shadow) => { const m = /rgba?\\([^)]*\\)|#[0-9a-f]{3,8}/i.exec(shadow); return m ? m[0] : null; };
`;

/** The focused element's ring (outline, or an inset box-shadow) against the surface it is drawn on. */
export async function focusRingContrast(page: Page): Promise<{ element: string; ratio: number }> {
  return page.evaluate(`(() => {
    ${HELPERS}
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const name = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + '[' + (el.getAttribute('aria-label') ?? '') + ']';
    let colour = null;
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) colour = style.outlineColor;
    else colour = shadowColour(style.boxShadow);
    if (!colour) return { element: name, ratio: 0 };
    // An outline drawn outside sits on the parent's surface; an inset one on the element's own.
    const inset = parseFloat(style.outlineOffset) < 0 || style.outlineStyle === 'none';
    const surface = inset ? behind(el) : behind(el.parentElement ?? el);
    return { element: name, ratio: Math.round(ratio(toRgb(colour), surface) * 100) / 100 };
  })()`);
}

/** The active option's outline (its inset box-shadow) against the list behind it. */
export async function activeOptionContrast(option: Locator): Promise<number> {
  await option.evaluate((el) => el.setAttribute('data-measure', ''));
  return option.page().evaluate(`(() => {
    ${HELPERS}
    const el = document.querySelector('[data-measure]');
    el.removeAttribute('data-measure');
    const colour = shadowColour(getComputedStyle(el).boxShadow);
    if (!colour) return 0;
    return Math.round(ratio(toRgb(colour), behind(el.parentElement)) * 100) / 100;
  })()`);
}

/**
 * For the ring on a date or time field's calendar button, a part of the field's shadow that no style reads back:
 * how many of the field's pixels are the app's focus colour (`pixels`; the field's text may be close to it, so
 * compare the field unfocused with the button focused: a 3 px ring around a 16 px icon adds ~250), and that colour
 * against the field's surface (`ratio`).
 */
export async function focusColourPixels(field: Locator): Promise<{ pixels: number; ratio: number }> {
  const png = (await field.screenshot()).toString('base64');
  await field.evaluate((el) => el.setAttribute('data-measure', ''));
  return field.page().evaluate(`(async () => {
    ${HELPERS}
    const el = document.querySelector('[data-measure]');
    el.removeAttribute('data-measure');
    const probe = document.createElement('div');
    probe.style.outline = '1px solid var(--focus)';
    document.body.append(probe);
    const ring = toRgb(getComputedStyle(probe).outlineColor);
    probe.remove();
    const bytes = Uint8Array.from(atob('${png}'), (ch) => ch.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas').getContext('2d');
    c.canvas.width = image.width;
    c.canvas.height = image.height;
    c.drawImage(image, 0, 0);
    const data = c.getImageData(0, 0, image.width, image.height).data;
    let pixels = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - ring[0]) + Math.abs(data[i + 1] - ring[1]) + Math.abs(data[i + 2] - ring[2]) < 30) pixels++;
    }
    return { pixels, ratio: Math.round(ratio(ring, behind(el)) * 100) / 100 };
  })()`);
}
