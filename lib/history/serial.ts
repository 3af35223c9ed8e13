// One write at a time per draft for its sign-offs and versions. A sign-off relabels the newest
// version while typing may be replacing it; run concurrently, the later write would drop the
// signed text. The background runs in one worker, so a module-level queue covers every writer.
const queues = new Map<string, Promise<unknown>>();

export function serially<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => queues.get(key) === settled && queues.delete(key));
  return run;
}
