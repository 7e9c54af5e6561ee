// How the runner stops a step, per system. On Linux and macOS it sends SIGINT, then SIGTERM 7.5 s
// later, then kills the process 2.5 s after that. On Windows there are no such signals: it sends
// Ctrl+C, then Ctrl+Break, with the same delays, and Node reports them as SIGINT and SIGBREAK. A
// SIGBREAK nobody listens for ends Node at once, so the second signal must be listened for by its
// Windows name for the clean-up to keep its last 2.5 s there too.

/** The signals by which the runner asks a step to stop, first the gentle one. */
export function stopSignals(platform: NodeJS.Platform = process.platform): NodeJS.Signals[] {
  return platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGINT', 'SIGTERM'];
}
