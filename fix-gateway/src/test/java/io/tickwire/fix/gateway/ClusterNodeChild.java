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
package io.tickwire.fix.gateway;

import io.tickwire.fix.cli.ClusterCommand;
import picocli.CommandLine;

/**
 * Child process of {@link ClusterNodeKillTest}: runs {@code cluster node} with the given arguments through the same
 * picocli command the {@code tickwire} launcher uses, and exits with its exit code; so a member can be killed as a
 * whole process.
 */
public final class ClusterNodeChild
{
    private ClusterNodeChild()
    {
    }

    /**
     * @param args the arguments of {@code cluster}, e.g. {@code node --member-id 0 --members ...}.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new ClusterCommand()).execute(args));
    }
}
