import { describe as suite, expect, it } from 'vitest';
import { parseAppArgs } from '../../app/main/cli-args.js';
import { fileFromSecondInstance } from '../../app/main/second-instance.js';

suite('a second launch hands its file to the first instance', () => {
  it('resolves the article it names against its own working directory', () => {
    expect(fileFromSecondInstance(['/opt/Attest/attest', '--no-sandbox', 'notes/report.html'], '/home/ana')).toBe('/home/ana/notes/report.html');
    expect(fileFromSecondInstance(['/usr/bin/electron', '/src/attest', '--data-dir=/tmp/d', '/srv/a.txt'], '/x')).toBe('/srv/a.txt');
  });

  it('names none when the launch named no article', () => {
    expect(fileFromSecondInstance(['/opt/Attest/attest'], '/home/ana')).toBeNull();
    expect(fileFromSecondInstance(['/opt/Attest/attest', '--allow-file-access-from-files', 'notes.exe'], '/home/ana')).toBeNull();
  });
});

suite('a file: URL on the command line (Linux launchers, %U of the .desktop file) is the file it names', () => {
  it('decodes percent-escapes: spaces and non-ASCII names', () => {
    expect(parseAppArgs(['file:///home/ana/My%20Notes/r%C3%A9sum%C3%A9%20%E2%80%94%20%E6%96%B0%E9%97%BB.html']).articlePath).toBe('/home/ana/My Notes/résumé — 新闻.html');
    expect(parseAppArgs(['--no-sample', 'file://localhost/srv/a%23b.txt']).articlePath).toBe('/srv/a#b.txt');
    expect(fileFromSecondInstance(['/opt/Attest/attest', 'file:///home/ana/Reports%20Q1/memo%201.md'], '/tmp')).toBe('/home/ana/Reports Q1/memo 1.md');
  });

  it('skips a URL naming no local file, or one of a format Attest does not read', () => {
    expect(parseAppArgs(['file://fileserver/share/a.txt', '/srv/b.txt']).articlePath).toBe('/srv/b.txt');
    expect(parseAppArgs(['file:///home/ana/setup.exe']).articlePath).toBeNull();
    expect(parseAppArgs(['file:///home/ana/bad%2Fslash.txt']).articlePath).toBeNull();
  });
});
