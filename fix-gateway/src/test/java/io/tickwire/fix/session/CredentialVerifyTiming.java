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
package io.tickwire.fix.session;

import java.util.Arrays;
import java.util.List;

/**
 * Prints how long one {@link CredentialStore#verify} takes - how long a logon holds QuickFIX/J's session thread -
 * at the old and the current default iterations. A measurement, not a test (no threshold):
 * <pre>
 * mvn -o -q -pl fix-gateway -am test-compile -Dcheckstyle.skip
 * java -cp fix-gateway/target/classes:fix-gateway/target/test-classes io.tickwire.fix.session.CredentialVerifyTiming
 * </pre>
 * Each count is timed over {@value #RUNS} verifications, right and wrong password alternately, after a warm-up of
 * the JIT at the default count (the first verifications in a JVM run interpreted and take several times longer).
 * The host's load shows in the figures: print {@code uptime} beside them.
 */
public final class CredentialVerifyTiming
{
    private static final int RUNS = 15;

    private CredentialVerifyTiming()
    {
    }

    /**
     * @param args ignored.
     */
    public static void main(final String[] args)
    {
        System.out.println(Runtime.getRuntime().availableProcessors() + " cores, " +
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        time(CredentialStore.parse(List.of(CredentialStore.entry("alice", "s3cret-pass")), "warm-up"));
        for (final int iterations : new int[]{10_000, CredentialStore.DEFAULT_ITERATIONS})
        {
            final CredentialStore store = CredentialStore.parse(
                List.of(CredentialStore.entry("alice", "s3cret-pass", iterations)), "timing");
            final long[] nanos = time(store);
            Arrays.sort(nanos);
            System.out.printf("iterations=%,d verify: min %.1f ms, median %.1f ms, max %.1f ms (%d runs)%n",
                iterations, nanos[0] / 1e6, nanos[RUNS / 2] / 1e6, nanos[RUNS - 1] / 1e6, RUNS);
        }
    }

    private static long[] time(final CredentialStore store)
    {
        final long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++)
        {
            final boolean right = 0 == (i & 1);
            final long start = System.nanoTime();
            final boolean verified = store.verify("alice", right ? "s3cret-pass" : "wrong");
            nanos[i] = System.nanoTime() - start;
            if (verified != right)
            {
                throw new IllegalStateException("verify returned " + verified + " for the " +
                    (right ? "right" : "wrong") + " password");
            }
        }
        return nanos;
    }
}
