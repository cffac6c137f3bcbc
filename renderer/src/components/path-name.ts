/** The last segment of a file or folder path, with either separator ("/" or "\"); the path itself when it has none. */
export function lastSegment(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
