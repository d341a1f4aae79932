/**
 * PGlite has no lock between processes: two processes on one data folder silently lose writes.
 * So the process that opens the embedded database first holds a lock file in the folder, and
 * any other process is refused with a message naming the folder. A lock left by a process that
 * no longer runs is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Den indlejrede database i ${dataDir} bruges allerede af en anden proces (pid ${pid}). ` +
        `Stop den proces (f.eks. en anden "npm start") og prøv igen, eller brug en anden mappe med DATA_DIR. ` +
        `Kører der ingen Sagslab-proces, kan du slette ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = "DataDirLockedError";
  }
}

const LOCK_FILE = "sagslab.lock";

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DataDirLockedError. Returns a function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (readFileSync(lockPath, "utf8").trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processRuns(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      // A stale lock from a process that has ended (or from this very process before a restart).
      unlinkSync(lockPath);
    }
  }
  throw new DataDirLockedError(dataDir, Number.NaN);
}
