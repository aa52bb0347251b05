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
package io.tickwire.agent;

import java.util.Locale;

/**
 * How the feed handler's agents are placed on threads. Chosen at launch; the agents do not know.
 */
public enum ThreadingProfile
{
    /**
     * One thread per agent, busy-spinning, pinned to a CPU; embedded media driver DEDICATED. For hosts with
     * isolated cores: lowest latency, one full core per thread.
     */
    DEDICATED,

    /**
     * All agents composed onto one thread with a back-off idle strategy; embedded media driver SHARED.
     * For small hosts and shared machines: never more threads wanting a core than there are cores.
     */
    COMPACT;

    /**
     * Parse a profile name as given on the command line.
     *
     * @param name {@code compact} or {@code dedicated}, any case.
     * @return the profile.
     * @throws IllegalArgumentException for any other name.
     */
    public static ThreadingProfile parse(final String name)
    {
        try
        {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("unknown threading profile '" + name + "': use compact or dedicated");
        }
    }

    /**
     * @return the lower-case name used on the command line and in the banner.
     */
    public String displayName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
