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

/**
 * Why a store (the audit journal, the FIX session store) cannot be written, in the terms of the errno behind the
 * {@link java.io.IOException}: the Java message carries the C library's text ("No space left on device",
 * "Read-only file system"), which is matched here. The {@link #code()} travels in a reject command (cluster log
 * included) so the reject's Text names the cause without the path, which stays on the operator's side.
 */
public enum StoreFault
{
    /**
     * ENOSPC: the filesystem (or the user's quota) is full.
     */
    NO_SPACE(1, "ENOSPC", "no space left on device", "No space left on device", "Disk quota exceeded"),

    /**
     * EROFS: the filesystem is mounted read-only (often remounted so by the kernel after an error).
     */
    READ_ONLY(2, "EROFS", "read-only file system", "Read-only file system"),

    /**
     * EACCES / EPERM: the gateway may not write there.
     */
    ACCESS_DENIED(3, "EACCES", "permission denied", "Permission denied", "AccessDeniedException",
        "Operation not permitted"),

    /**
     * EIO or anything else.
     */
    IO_ERROR(4, "EIO", "I/O error");

    private final int code;
    private final String errno;
    private final String description;
    private final String[] markers;

    StoreFault(final int code, final String errno, final String description, final String... markers)
    {
        this.code = code;
        this.errno = errno;
        this.description = description;
        this.markers = markers;
    }

    /**
     * @return the value carried in a reject command.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return the errno name, e.g. {@code ENOSPC}.
     */
    public String errno()
    {
        return errno;
    }

    /**
     * @return e.g. {@code no space left on device (ENOSPC)}.
     */
    public String describe()
    {
        return description + " (" + errno + ")";
    }

    /**
     * @param code a {@link #code()}.
     * @return its fault, {@link #IO_ERROR} for an unknown code.
     */
    public static StoreFault fromCode(final long code)
    {
        for (final StoreFault fault : values())
        {
            if (fault.code == code)
            {
                return fault;
            }
        }
        return IO_ERROR;
    }

    /**
     * @param error the failure, its causes included.
     * @return the fault it describes, {@link #IO_ERROR} when none is recognised.
     */
    public static StoreFault classify(final Throwable error)
    {
        for (Throwable cause = error; null != cause; cause = cause.getCause())
        {
            final String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            for (final StoreFault fault : values())
            {
                for (final String marker : fault.markers)
                {
                    if (text.contains(marker))
                    {
                        return fault;
                    }
                }
            }
        }
        return IO_ERROR;
    }
}
