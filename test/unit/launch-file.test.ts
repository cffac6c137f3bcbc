import { describe as suite, expect, it } from 'vitest';
import { LaunchFile } from '../../app/main/launch-file.js';

suite('a file the OS asks to open (macOS open-file, a second launch)', () => {
  it('asked for before the window exists: kept as the article shown at start, and not opened again', () => {
    const launch = new LaunchFile();
    launch.request('/Users/ana/Reports/first.html');
    launch.request('/Users/ana/Reports/mémo 2.txt');
    expect(launch.take()).toBe('/Users/ana/Reports/mémo 2.txt');
    const opened: string[] = [];
    launch.openWith((path) => opened.push(path));
    expect(opened).toEqual([]);
    launch.request('/Users/ana/later.md');
    expect(opened).toEqual(['/Users/ana/later.md']);
  });

  it('asked for after the start article was settled but before the window: opened once the window is there', () => {
    const launch = new LaunchFile();
    expect(launch.take()).toBeNull();
    launch.request('/Users/ana/between.txt');
    const opened: string[] = [];
    launch.openWith((path) => opened.push(path));
    expect(opened).toEqual(['/Users/ana/between.txt']);
    expect(launch.take()).toBeNull();
  });
});
