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

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tickwire feed}: the normalised market data feed. A thin parent; each action is its own subcommand class.
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = "Publish (and consume) the normalised SBE market data feed on Aeron.",
    subcommands = { FeedPublishCommand.class, FeedSubscribeCommand.class })
public final class FeedCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Without a subcommand, print usage.
     */
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
