import type { MenuItemConstructorOptions } from 'electron';
import { describe as suite, expect, it } from 'vitest';
import type { MenuCommand } from '../../app/core/ipc-messages.js';
import { menuTemplate } from '../../app/main/menu-template.js';

/** The template's menu labelled `label`, with the commands its items' clicks send. */
function menuOf(isMac: boolean, label: string) {
  const sent: MenuCommand[] = [];
  const template = menuTemplate((command) => () => sent.push(command), isMac);
  const menu = template.find((m) => m.label === label);
  if (!menu) throw new Error(`no ${label} menu`);
  return { items: menu.submenu as MenuItemConstructorOptions[], sent };
}

suite('the application menu', () => {
  it.each([true, false])('Edit holds undo, redo and the text roles cut, copy, paste, select all (macOS: %s)', (isMac) => {
    const { items, sent } = menuOf(isMac, '&Edit');
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    const undo = items.find((item) => item.id === 'undo')!;
    const redo = items.find((item) => item.id === 'redo')!;
    expect(undo.accelerator).toBe('CmdOrCtrl+Z');
    expect(redo.accelerator).toBe(isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y');
    // Undo and redo go to the renderer, which undoes a text field's typing or annotation changes.
    (undo.click as () => void)();
    (redo.click as () => void)();
    expect(sent).toEqual(['undo', 'redo']);
  });

  it('on macOS the app menu comes first and File closes the window; elsewhere File quits', () => {
    expect(menuTemplate(() => () => {}, true)[0].role).toBe('appMenu');
    expect(menuOf(true, '&File').items.at(-1)!.role).toBe('close');
    expect(menuOf(false, '&File').items.at(-1)!.role).toBe('quit');
  });
});
