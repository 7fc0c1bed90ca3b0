/**
 * Work to undo when the process is interrupted (SIGINT, SIGTERM). Long synchronous work cannot be
 * interrupted, so commands that run long (restore) yield now and then; the signal handler then
 * runs these undo steps before the process exits, and nothing is left half-written.
 */
const undoSteps = new Set<() => void>();

/** Registers `undo` until the returned function is called (when the work finished or was undone). */
export function onInterrupt(undo: () => void): () => void {
  undoSteps.add(undo);
  return () => undoSteps.delete(undo);
}

/** Runs every registered undo step, newest first; one that fails does not stop the others. */
export function undoInterruptedWork(): void {
  for (const undo of [...undoSteps].reverse()) {
    undoSteps.delete(undo);
    try {
      undo();
    } catch {
      // The process is exiting; the next run's recovery (restore's journal) finishes the job.
    }
  }
}
