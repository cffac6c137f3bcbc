// The comparison page: the same text and spans rendered by Recogito's text annotator
// (@recogito/text-annotator, SPANS renderer), timed in the page. Built to one IIFE by bench/run.ts.
import { createTextAnnotator, W3CTextFormat } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';

type Span = { id: string; start: number; end: number };

let annotator: ReturnType<typeof createTextAnnotator> | null = null;

/**
 * Resolves at the renderer's next redraw. The SPANS renderer draws in an animation frame 10 ms
 * (debounced) after a change and emits `onRedraw` in a timeout after it, so just after the frame
 * that paints the highlights, as Attest's `attest:highlights-painted` mark. (Waiting for the
 * next frame only would stop before Recogito has drawn anything.)
 */
function redrawn(a: NonNullable<typeof annotator>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Recogito did not redraw within 10 s')), 10_000);
    const off = a.renderer.on('onRedraw', () => {
      off();
      clearTimeout(timer);
      resolve();
    });
  });
}
let container: HTMLElement | null = null;

/** Offsets in the canonical text (blocks joined by two LFs) minus the separators, as the container's text counts them. */
function toContainerOffset(starts: number[], offset: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
  return offset - 2 * i;
}

function w3c(text: string, starts: number[], s: Span) {
  const start = toContainerOffset(starts, s.start);
  const end = toContainerOffset(starts, s.end);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: s.id,
    type: 'Annotation',
    body: [],
    target: { source: 'bench', selector: [{ type: 'TextQuoteSelector', exact: text.slice(s.start, s.end).replace(/\n\n/g, '') }, { type: 'TextPositionSelector', start, end }] },
  };
}

/** Renders `text` as paragraphs and `spans` as highlights; the milliseconds to the painted result. */
async function render(text: string, spans: Span[]): Promise<number> {
  const started = performance.now();
  annotator?.destroy();
  container?.remove();
  container = document.createElement('div');
  container.className = 'reader';
  const paragraphs = text.split('\n\n');
  for (const p of paragraphs) {
    const el = document.createElement('p');
    el.textContent = p;
    container.append(el);
  }
  document.body.append(container);
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + 2;
  }
  (window as unknown as { starts: number[] }).starts = starts;
  annotator = createTextAnnotator(container, { renderer: 'SPANS', adapter: W3CTextFormat('bench', container) as never });
  const drawn = redrawn(annotator);
  annotator.setAnnotations(spans.map((s) => w3c(text, starts, s)) as never);
  await drawn;
  const ms = performance.now() - started;
  if (highlights() === 0) throw new Error('Recogito drew no highlights at its first redraw');
  return ms;
}

/** Adds one highlight to the rendered text; the milliseconds to the painted result. */
async function add(text: string, span: Span): Promise<number> {
  const starts = (window as unknown as { starts: number[] }).starts;
  const started = performance.now();
  const drawn = redrawn(annotator!);
  annotator!.addAnnotation(w3c(text, starts, span) as never);
  await drawn;
  return performance.now() - started;
}

/** How many highlight elements the renderer has in the page. */
function highlights(): number {
  return document.querySelectorAll('.r6o-annotation, [class*="r6o-span-highlight"]').length;
}

Object.assign(window, { recogitoBench: { render, add, highlights } });
