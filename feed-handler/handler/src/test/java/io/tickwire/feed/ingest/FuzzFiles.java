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
package io.tickwire.feed.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the file-reading fuzz targets put their input: one reused file per target in a temporary directory, so a
 * fuzzing run of millions of executions leaves one file behind at most.
 */
final class FuzzFiles
{
    private static Path directory;

    private FuzzFiles()
    {
    }

    /**
     * Write a fuzz input as the target's file, replacing the previous one.
     *
     * @param name  of the file, one per target.
     * @param bytes its content.
     * @return the file.
     */
    static synchronized Path write(final String name, final byte[] bytes)
    {
        try
        {
            if (null == directory)
            {
                directory = Files.createTempDirectory("tickwire-fuzz");
                directory.toFile().deleteOnExit();
            }
            final Path file = directory.resolve(name);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
