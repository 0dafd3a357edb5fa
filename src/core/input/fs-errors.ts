// File-system errors as the user is told of them: a short reason, not Node's message and code.

/** A short, user-facing reason for a file-system error. */
export function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
