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
package io.tickwire.feed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(90)
class DemoCommandTest
{
    @Test
    void shouldRunEndToEndAndVerifyEveryBook()
    {
        final StringWriter out = new StringWriter();
        final String channel = io.tickwire.feed.client.TestMedia.multicastChannel();
        final int exit = new CommandLine(new DemoCommand())
            .setOut(new PrintWriter(out, true))
            .execute("--duration", "4s", "--rate", "20000", "--symbols", "10", "--channel", channel);

        final String output = out.toString();
        assertEquals(0, exit, output);
        assertTrue(output.contains("verified 30 books (10 instruments x 3 subscribers)"), output);
        assertTrue(output.contains("80,000 published"), output);
        assertTrue(output.contains("RESULT: OK"), output);
    }
}
