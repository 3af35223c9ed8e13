// One line per section saying what just happened; errors stay until the next action.
import { useCallback, useState } from 'preact/hooks';

export interface Status {
  text: string;
  error?: boolean;
}

export function useStatus() {
  const [status, setStatus] = useState<Status>({ text: '' });
  const say = useCallback((text: string) => setStatus({ text }), []);
  const fail = useCallback((e: unknown) => setStatus({ text: messageOf(e), error: true }), []);
  return { status, say, fail };
}

export function StatusLine({ status, testId }: { status: Status; testId: string }) {
  return (
    <p
      class={status.error ? 'status status-error' : 'status'}
      role={status.error ? 'alert' : 'status'}
      data-testid={testId}
    >
      {status.text}
    </p>
  );
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The text of a file the user picked. */
export function readFile(file: File): Promise<string> {
  return file.text();
}
