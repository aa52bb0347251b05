/*
 * Copyright 2026 The Tickwire Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.tickwire.fix.audit;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A real small filesystem for store-trouble tests: a tmpfs of a few MiB mounted on a directory, which a test fills
 * up (ENOSPC), frees, or makes read-only (EROFS). Permission bits do not stop root, so a read-only or full
 * directory has to be a real one. Mounting needs the right to mount: without it the test is skipped (an
 * assumption, with the reason), never failed.
 */
public final class SmallFilesystem implements AutoCloseable
{
    private static final String FILLER = "filler";

    private final Path mountPoint;
    private boolean mounted;
    private boolean readOnlyBind;

    private SmallFilesystem(final Path mountPoint)
    {
        this.mountPoint = mountPoint;
    }

    /**
     * Mount a tmpfs of the given size on a new directory, or skip the calling test when mounting is not allowed.
     *
     * @param mountPoint the directory, created if absent.
     * @param sizeKiB    the filesystem's size.
     * @return the mounted filesystem; close it to unmount.
     * @throws IOException when the directory cannot be created.
     */
    public static SmallFilesystem mountTmpfs(final Path mountPoint, final int sizeKiB) throws IOException
    {
        Files.createDirectories(mountPoint);
        final SmallFilesystem fs = new SmallFilesystem(mountPoint);
        final String result = run("mount", "-t", "tmpfs", "-o", "size=" + sizeKiB + "k,mode=0700", "tmpfs",
            mountPoint.toString());
        Assumptions.assumeTrue(null == result,
            () -> "cannot mount a small tmpfs here (" + result + "): skipping the full/read-only store test");
        fs.mounted = true;
        return fs;
    }

    /**
     * @return where the filesystem is mounted.
     */
    public Path path()
    {
        return mountPoint;
    }

    /**
     * Fill every free byte with a filler file: the next write that needs a new page fails with ENOSPC.
     *
     * @return bytes written into the filler.
     */
    public long fill()
    {
        final byte[] chunk = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER)))
        {
            while (true)
            {
                out.write(chunk);
                written += chunk.length;
            }
        }
        catch (final IOException expected)
        {
            return written;
        }
    }

    /**
     * Delete the filler: the space returns.
     *
     * @throws IOException when it cannot be deleted.
     */
    public void free() throws IOException
    {
        Files.deleteIfExists(mountPoint.resolve(FILLER));
    }

    /**
     * Make the filesystem read-only: a bind mount of it over itself, remounted read-only. Linux refuses to remount
     * a filesystem read-only while files are open for writing on it ("mount point is busy"), so this is the
     * read-only remount a test can do under a running store: every file created or opened from now on fails with
     * EROFS (a journal rotation, a store reset); descriptors opened before keep writing.
     */
    public void readOnly()
    {
        check("bind", run("mount", "--bind", mountPoint.toString(), mountPoint.toString()));
        readOnlyBind = true;
        check("remount ro", run("mount", "-o", "remount,ro,bind", mountPoint.toString()));
    }

    /**
     * Writable again: the read-only bind mount is removed.
     */
    public void readWrite()
    {
        if (readOnlyBind)
        {
            readOnlyBind = false;
            check("unmount the read-only bind", run("umount", mountPoint.toString()));
        }
    }

    private void check(final String what, final String result)
    {
        if (null != result)
        {
            throw new IllegalStateException(what + " " + mountPoint + ": " + result);
        }
    }

    /**
     * Unmount (lazily if something still holds a file open).
     */
    public void close()
    {
        if (readOnlyBind)
        {
            readOnlyBind = false;
            run("umount", "-l", mountPoint.toString());
        }
        if (mounted)
        {
            mounted = false;
            if (null != run("umount", mountPoint.toString()))
            {
                run("umount", "-l", mountPoint.toString());
            }
        }
    }

    /**
     * @return null on success, else the exit status and output.
     */
    private static String run(final String... command)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                return Arrays.toString(command) + " timed out";
            }
            return 0 == process.exitValue() ? null :
                "exit " + process.exitValue() + ": " + new String(output, StandardCharsets.UTF_8).trim();
        }
        catch (final IOException ex)
        {
            return ex.toString();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
