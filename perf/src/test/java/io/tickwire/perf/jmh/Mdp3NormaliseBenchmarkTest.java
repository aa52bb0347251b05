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
package io.tickwire.perf.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fast wrong answer is not a result: every pass of {@link Mdp3NormaliseBenchmark} normalises its packets as the
 * first did (the ChannelReset at its start makes the replay a fresh stretch of session, not a run of duplicates),
 * writing more than one feed message per packet and nothing malformed (set-up fails on a report).
 */
@Timeout(60)
class Mdp3NormaliseBenchmarkTest
{
    @Test
    void shouldWriteTheSameMessagesOnEveryPass()
    {
        final Mdp3NormaliseBenchmark benchmark = new Mdp3NormaliseBenchmark();
        benchmark.setUp();
        final Mdp3NormaliseBenchmark.Written written = new Mdp3NormaliseBenchmark.Written();

        benchmark.normalise(written);
        final long first = written.messages;
        for (int pass = 0; pass < 20; pass++)
        {
            written.reset();
            benchmark.normalise(written);
            assertEquals(first, written.messages, "pass " + pass);
        }
        assertTrue(first > Mdp3NormaliseBenchmark.PACKETS, "messages of one pass: " + first);
    }
}
