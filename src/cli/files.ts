/**
 * Safe writes for the command line (SPEC §7): which file a path really is (device + inode, after links),
 * and writing through a temporary file in the same folder, flushed and renamed, so that a failure
 * (full disk, no permission, a crash) never leaves a broken file under the output name.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * What a path names: `file` "dev:ino" when it exists (links followed, so a symbolic or hard link to the
 * input has the input's identity), and `where`, the absolute path with its folder's links resolved (for
 * outputs that do not exist yet). `exists` is true for a dangling symbolic link too: it is not ours to replace.
 */
export interface PathIdentity {
  file: string | null;
  where: string;
  exists: boolean;
}

export async function identify(file: string): Promise<PathIdentity> {
  const abs = path.resolve(file);
  let exists = false;
  try {
    await fs.lstat(abs);
    exists = true;
  } catch {
    exists = false;
  }
  let id: string | null = null;
  try {
    const st = await fs.stat(abs);
    id = `${st.dev}:${st.ino}`;
  } catch {
    id = null;
  }
  let where = abs;
  try {
    where = await fs.realpath(abs);
  } catch {
    // Not there (or a dangling link): resolve the folder, keep the name.
    try {
      where = path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      where = abs;
    }
  }
  return { file: id, where, exists };
}

/** The same file, by identity when both exist, else by resolved path. */
export function sameTarget(a: PathIdentity, b: PathIdentity): boolean {
  if (a.file !== null && b.file !== null) return a.file === b.file;
  return a.where === b.where;
}

/** The few file operations a write needs, replaceable in tests (a full disk, a refused rename). */
export interface WriteOps {
  open(file: string, flags: string, mode: number): Promise<fs.FileHandle>;
  write(handle: fs.FileHandle, data: Uint8Array): Promise<void>;
  sync(handle: fs.FileHandle): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export const realWriteOps: WriteOps = {
  open: (f, flags, mode) => fs.open(f, flags, mode),
  write: async (h, data) => {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await h.write(data, done, data.length - done);
      done += bytesWritten;
    }
  },
  sync: (h) => h.sync(),
  rename: (a, b) => fs.rename(a, b),
  link: (a, b) => fs.link(a, b),
  unlink: (f) => fs.unlink(f),
};

/** A file system that cannot hard-link answers with one of these; then a checked rename is used instead. */
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Write `data` to `file` whole or not at all: a temporary file in the same folder is written, flushed to
 * disk and then moved to the name. Without `replace`, an existing file is never replaced (the move is a
 * hard link, which fails if the name is taken, so even a file created meanwhile is safe): the error then
 * has code EEXIST. On any failure the temporary file is removed and the error is rethrown.
 */
export async function writeFileSafely(file: string, data: Uint8Array | string, replace: boolean, ops: WriteOps = realWriteOps): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const dir = path.dirname(path.resolve(file));
  // node:crypto is loaded here, not at start-up: validate never writes and starts without it.
  const { randomBytes } = await import('node:crypto');
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await ops.open(tmp, 'wx', 0o666);
    created = true;
    try {
      await ops.write(handle, bytes);
      await ops.sync(handle);
    } finally {
      await handle.close();
    }
    if (replace) {
      await ops.rename(tmp, file);
      created = false;
    } else {
      try {
        await ops.link(tmp, file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (!NO_LINK.has(code)) throw e;
        // No hard links here (FAT, some network shares): check, then rename.
        if ((await identify(file)).exists) throw Object.assign(new Error(`EEXIST: ${file}`), { code: 'EEXIST' });
        await ops.rename(tmp, file);
        created = false;
      }
    }
  } finally {
    if (created) await ops.unlink(tmp).catch(() => undefined);
  }
  await syncFolder(dir);
}

/** Make the rename itself durable where the system allows opening a folder (not on Windows). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Best effort: the file's own data is already flushed.
  }
}
