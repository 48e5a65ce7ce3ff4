// @ts-check
// Every process the end-to-end test starts is recorded here by pid and ended by pid: each one is
// started as the leader of its own process group (detached), so that ending the group also ends
// what it started (code-server's extension host, the language server, Chromium's helpers).
// Nothing is ever killed by name.
const { spawn } = require('child_process');

/** @type {Map<number, string>} pid → what it is */
const started = new Map();

/**
 * Starts a long-running process in its own process group and records its pid.
 * @param {string} what
 * @param {string} command
 * @param {string[]} args
 * @param {import('child_process').SpawnOptions} options
 */
function startProcess(what, command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) started.set(child.pid, what);
  child.on('exit', () => {
    if (child.pid) started.delete(child.pid);
  });
  return child;
}

/** Records a process started by a library (Chromium by Playwright), so that it is ended too. */
function recordProcess(what, pid) {
  if (pid) started.set(pid, what);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Ends one recorded process group: SIGTERM, then SIGKILL if it is still there after `graceMs`.
 * @param {number} pid
 */
async function stopProcess(pid, graceMs = 3000) {
  if (!started.has(pid)) return;
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  // The group may outlive its leader (an extension host that ignores SIGTERM): SIGKILL it all.
  signalGroup(pid, 'SIGKILL');
  started.delete(pid);
}

/** Ends every recorded process, newest first. */
async function stopAll() {
  for (const pid of [...started.keys()].reverse()) await stopProcess(pid);
}

/** Synchronous last resort for process exit paths: SIGKILL every recorded group. */
function killAllNow() {
  for (const pid of started.keys()) signalGroup(pid, 'SIGKILL');
  started.clear();
}

function runningProcesses() {
  return [...started.entries()].map(([pid, what]) => `${what} (pid ${pid})`);
}

module.exports = { startProcess, recordProcess, stopProcess, stopAll, killAllNow, runningProcesses };
