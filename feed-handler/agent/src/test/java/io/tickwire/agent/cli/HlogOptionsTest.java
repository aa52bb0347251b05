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
package io.tickwire.agent.cli;

import io.tickwire.latency.LatencyRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HlogOptionsTest
{
    @TempDir
    Path dir;

    @Command(name = "probe")
    static final class ProbeCommand
    {
        @Mixin
        HlogOptions hlog;
    }

    @Test
    void shouldParseTheHlogOption()
    {
        final ProbeCommand with = new ProbeCommand();
        new CommandLine(with).parseArgs("--hlog", dir.toString(), "--hlog-interval-ms", "250");
        assertTrue(with.hlog.isEnabled());
        assertEquals(dir, with.hlog.dir());
        assertEquals(250, with.hlog.intervalMs());

        final ProbeCommand without = new ProbeCommand();
        new CommandLine(without).parseArgs();
        assertFalse(without.hlog.isEnabled());
        assertEquals(HlogOptions.INTERVAL_MS_DEFAULT, without.hlog.intervalMs());
        try (LatencyRecording recording = without.hlog.start("probe"))
        {
            assertFalse(recording.isEnabled());
            assertNull(recording.file());
            recording.registry().recorder("receive->book").recordValue(10);
        }
    }
}
