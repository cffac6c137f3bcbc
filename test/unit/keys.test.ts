import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import { linkedIds } from '../../app/core/attribution.js';
import { navigationKey, neighbour } from '../../renderer/src/components/keys.js';
import { isUndoKey } from '../../renderer/src/components/undo-keys.js';

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

  it('linked ids go both ways: a quote to its source, a source to its quotes', () => {
    const list = [ann('q1', [{ type: 'attributedTo', target: 's' }]), ann('q2', [{ type: 'attributedTo', target: 's' }]), ann('s')];
    expect([...linkedIds(list, 'q1')]).toEqual(['s']);
    expect([...linkedIds(list, 's')].sort()).toEqual(['q1', 'q2']);
    expect(linkedIds(list, null).size).toBe(0);
  });
});
