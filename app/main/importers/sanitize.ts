import { ImportError } from './errors.js';

/**
 * The sanitising layer between parsing and the text walk, over a `linkedom` DOM (which runs no
 * script and fetches nothing). DOMPurify was the first choice, but it does not run over linkedom
 * (linkedom has no `document.implementation` nor `NodeFilter`, and its `createNodeIterator`
 * fails), and its fallback when unsupported is to return the input unchanged; so this is an
 * explicit allow-list walker instead:
 * elements that never hold article text are removed with their content; every attribute is
 * removed but `href` on `a`, and that only when it is an `http(s)`/`mailto` URL or relative.
 * After it, the text walk keeps only text, block structure and strong/em/link marks, and the
 * renderer's ProseMirror schema is the last allow-list (links render as inert text).
 */

/** Elements removed with everything in them: scripts, embedded content, forms, raw-text and legacy elements. */
export const REMOVED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet',
  'param', 'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'picture', 'img', 'image', 'portal', 'form',
  'button', 'input', 'select', 'textarea', 'option', 'datalist', 'base', 'link', 'meta', 'title', 'head', 'xmp',
  'noembed', 'plaintext', 'slot', 'dialog', 'map', 'area',
]);

/** Whether an `href` may be kept (as inert link text metadata): http(s), mailto, or relative without a scheme. */
export function isSafeHref(href: string): boolean {
  const trimmed = href.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\u0000-\u001f\s]/g, ''))?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

/** Removes from `root` (in place) every element of `REMOVED_ELEMENTS`, comments, and every attribute but a safe `href` on `a`. */
export function sanitizeTree(root: Node): void {
  // An explicit stack, not recursion: 10,000-deep nesting must not overflow the call stack.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (let child = node.firstChild; child; ) {
      const next = child.nextSibling;
      if (child.nodeType === 8 || (child.nodeType === 1 && REMOVED_ELEMENTS.has((child as Element).localName))) node.removeChild(child);
      else if (child.nodeType === 1) {
        cleanAttributes(child as Element);
        stack.push(child);
      }
      child = next;
    }
  }
}

function cleanAttributes(el: Element): void {
  for (const name of el.getAttributeNames()) {
    const keep = name === 'href' && el.localName === 'a' && isSafeHref(el.getAttribute('href') ?? '');
    if (!keep) el.removeAttribute(name);
  }
}

/** The deepest element nesting read: deeper pages are refused (Chromium's parser stops nesting at 512). */
export const MAX_NESTING_DEPTH = 1000;

/**
 * Throws `ImportError('unreadable')` when elements under `root` nest deeper than
 * `MAX_NESTING_DEPTH`: Readability and the text walk recurse per level, and a 10,000-deep page
 * would take seconds to fail with a stack overflow. Iterative, so it is safe at any depth.
 */
export function assertNestingDepth(root: Node): void {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_NESTING_DEPTH) throw new ImportError('unreadable', `elements are nested more than ${MAX_NESTING_DEPTH} deep`);
    for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
}
