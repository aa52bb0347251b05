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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the gateway's files and directories readable by their owner only ({@code 0600} / {@code 0700}): the audit
 * journal, the QuickFIX/J FileStore and file logs hold orders, credentials' user names and message bodies, and the
 * process umask (typically {@code 022}) would leave them readable by every local user.
 * <p>
 * The permissions are given at creation ({@code open(2)} / {@code mkdir(2)} modes, so there is no moment when a
 * new file is readable by others); the umask can only remove bits from them. Existing directories are left as they
 * are: they may be shared (a log directory) and their mode is the operator's choice. On a file system without POSIX
 * permissions nothing is set.
 */
public final class OwnerOnlyFiles
{
    /**
     * {@code rw-------}.
     */
    public static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    /**
     * {@code rwx------}.
     */
    public static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

    private OwnerOnlyFiles()
    {
    }

    /**
     * @param path a path on the file system in question (need not exist).
     * @return whether that file system has POSIX permissions.
     */
    public static boolean isPosix(final Path path)
    {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Create a directory and any missing parents, each {@code 0700}.
     *
     * @param directory the directory.
     * @return the directory.
     * @throws IOException if it cannot be created.
     */
    public static Path createDirectories(final Path directory) throws IOException
    {
        if (Files.isDirectory(directory))
        {
            return directory;
        }
        return Files.createDirectories(directory, directoryAttributes(directory));
    }

    /**
     * @param file the file to be created.
     * @return attributes that create it {@code 0600}, or none on a non-POSIX file system.
     */
    public static FileAttribute<?>[] fileAttributes(final Path file)
    {
        return isPosix(file) ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)} : NONE;
    }

    /**
     * @param directory the directory to be created.
     * @return attributes that create it {@code 0700}, or none on a non-POSIX file system.
     */
    public static FileAttribute<?>[] directoryAttributes(final Path directory)
    {
        return isPosix(directory) ?
            new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS)} : NONE;
    }

    /**
     * Make an existing file {@code 0600}: for files another library creates with the umask's mode.
     *
     * @param file the file.
     * @throws IOException if its permissions cannot be set.
     */
    public static void restrictFile(final Path file) throws IOException
    {
        if (isPosix(file) && Files.isRegularFile(file) && !FILE_PERMISSIONS.equals(Files.getPosixFilePermissions(file)))
        {
            Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
        }
    }

    /**
     * @param path an existing file or directory.
     * @return whether its group or others have any permission on it (false on a non-POSIX file system).
     * @throws IOException if its permissions cannot be read.
     */
    public static boolean isSharedWithOthers(final Path path) throws IOException
    {
        if (!isPosix(path))
        {
            return false;
        }
        for (final PosixFilePermission permission : Files.getPosixFilePermissions(path))
        {
            switch (permission)
            {
                case OWNER_READ:
                case OWNER_WRITE:
                case OWNER_EXECUTE:
                    break;
                default:
                    return true;
            }
        }
        return false;
    }
}
