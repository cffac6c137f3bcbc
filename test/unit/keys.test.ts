import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import { linkedIds } from '../../app/core/attribution.js';
import { navigationKey, neighbour } from '../../renderer/src/components/keys.js';
import { isUndoKey } from '../../renderer/src/components/undo-keys.js';
import { goneSelectionPlace } from '../../renderer/src/components/reading-place.js';
import { contextMenuTarget } from '../../renderer/src/components/menu-target.js';

const key = (k: string, code: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent;
const ann = (id: string, links: Annotation['links'] = []) => ({ id, links }) as Annotation;

suite('keys', () => {
  it('undo and redo: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y, also on a non-Latin layout', () => {
    expect(isUndoKey(key('z', 'KeyZ', { ctrlKey: true }))).toBe('undo');
    expect(isUndoKey(key('Z', 'KeyZ', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(isUndoKey(key('y', 'KeyY', { ctrlKey: true }))).toBe('redo');
    expect(isUndoKey(key('я', 'KeyZ', { ctrlKey: true }))).toBe('undo');
    expect(isUndoKey(key('z', 'KeyZ'))).toBeNull();
    expect(isUndoKey(key('z', 'KeyZ', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('navigation keys, by letter or physical key, never with Ctrl', () => {
    expect([key('n', 'KeyN'), key(']', 'BracketRight'), key('p', 'KeyP'), key('[', 'BracketLeft'), key('ф', 'KeyA'), key('Enter', 'Enter'), key('?', 'Slash', { shiftKey: true })].map(navigationKey)).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'attribute',
      'details',
      'keys',
    ]);
    expect(navigationKey(key('n', 'KeyN', { ctrlKey: true }))).toBeNull();
  });

  it('next and previous wrap around; none selected starts at an end', () => {
    const list = [ann('a'), ann('b'), ann('c')];
    expect(neighbour(list, 'c', 1)).toBe('a');
    expect(neighbour(list, 'a', -1)).toBe('c');
    expect(neighbour(list, null, 1)).toBe('a');
    expect(neighbour(list, null, -1)).toBe('c');
    expect(neighbour([], null, 1)).toBeNull();
  });

  it('none selected: next and previous count from the reading place, wrapping around', () => {
    const at = (id: string, start: number, end: number) => ({ id, links: [], target: { position: { start, end } } }) as unknown as Annotation;
    // In `compareByPosition` order: by start, the longer first.
    const list = [at('a', 0, 5), at('b', 10, 30), at('c', 10, 15), at('d', 40, 45)];
    const caret = (c: number) => ({ start: c, end: Infinity });
    expect(neighbour(list, null, 1, caret(7))).toBe('b');
    expect(neighbour(list, null, -1, caret(7))).toBe('a');
    // A caret where annotations start: next is the first of them, previous the one before them.
    expect(neighbour(list, null, 1, caret(10))).toBe('b');
    expect(neighbour(list, null, -1, caret(10))).toBe('a');
    expect(neighbour(list, null, 1, caret(50))).toBe('a');
    expect(neighbour(list, null, -1, caret(0))).toBe('d');
    // The place of a deleted annotation [10, 20): between b [10, 30) and c [10, 15).
    expect(neighbour(list, null, 1, { start: 10, end: 20 })).toBe('c');
    expect(neighbour(list, null, -1, { start: 10, end: 20 })).toBe('b');
    // A selection wins over the place.
    expect(neighbour(list, 'd', -1, caret(0))).toBe('c');
  });

  it('the place of the selected annotation once it is gone and nothing is selected', () => {
    const a = { id: 'a', links: [], target: { position: { start: 3, end: 9 } } } as unknown as Annotation;
    const b = { id: 'b', links: [], target: { position: { start: 12, end: 20 } } } as unknown as Annotation;
    expect(goneSelectionPlace({ annotations: [a, b], selectedId: 'a' }, { annotations: [b], selectedId: null })).toEqual({ start: 3, end: 9 });
    expect(goneSelectionPlace({ annotations: [a, b], selectedId: 'a' }, { annotations: [a, b], selectedId: null })).toBeNull();
    expect(goneSelectionPlace({ annotations: [a, b], selectedId: 'b' }, { annotations: [b], selectedId: 'b' })).toBeNull();
    expect(goneSelectionPlace({ annotations: [a, b], selectedId: null }, { annotations: [b], selectedId: null })).toBeNull();
  });

  it('the context menu acts on what is under the pointer; from the keyboard, on the selected annotation unless the caret is in another', () => {
    const at = { x: 10, y: 20 };
    expect(contextMenuTarget(['a'], at, false, 'b')).toEqual({ id: 'a', x: 10, y: 20 });
    expect(contextMenuTarget([], at, false, 'b')).toEqual({ id: null, x: 10, y: 20 });
    expect(contextMenuTarget(['a', 'b'], at, true, 'b')).toEqual({ id: 'b', x: 10, y: 20 });
    expect(contextMenuTarget(['a'], at, true, 'b')).toEqual({ id: 'a', x: 10, y: 20 });
    expect(contextMenuTarget([], at, true, null)).toEqual({ id: null, x: 10, y: 20 });
  });

  it('linked ids go both ways: a quote to its source, a source to its quotes', () => {
    const list = [ann('q1', [{ type: 'attributedTo', target: 's' }]), ann('q2', [{ type: 'attributedTo', target: 's' }]), ann('s')];
    expect([...linkedIds(list, 'q1')]).toEqual(['s']);
    expect([...linkedIds(list, 's')].sort()).toEqual(['q1', 'q2']);
    expect(linkedIds(list, null).size).toBe(0);
  });
});
