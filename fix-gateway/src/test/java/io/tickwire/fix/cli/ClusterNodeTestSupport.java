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
package io.tickwire.fix.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * What the tests of {@code cluster node} with {@code gateway} run as real commands share: the gateway's configuration
 * file for a one-session acceptor in front of the cluster, and a command started on a thread of its own.
 */
final class ClusterNodeTestSupport
{
    private ClusterNodeTestSupport()
    {
    }

    /**
     * Write {@code gateway.cfg} in {@code dir}: an acceptor for FIX.4.4 CLIENT1 on {@code fixPort}, AAPL and MSFT,
     * its file store and media driver under {@code dir}.
     *
     * @param dir     test directory.
     * @param fixPort port the gateway accepts on.
     * @return the file written.
     * @throws IOException if it cannot be written.
     */
    static Path writeGatewayConfig(final Path dir, final int fixPort) throws IOException
    {
        final Path config = dir.resolve("gateway.cfg");
        Files.write(config, List.of(
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "SocketAcceptAddress=127.0.0.1",
            "SocketAcceptPort=" + fixPort,
            "SenderCompID=TWGW",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "HeartBtInt=30",
            "TimeStampPrecision=MICROS",
            "UseDataDictionary=Y",
            "FileStorePath=" + dir.resolve("store"),
            "TickwireInstruments=AAPL:1,MSFT:2",
            // The gateway's own media driver, which its cluster client uses; IPC market data: no socket of its own.
            "TickwireMarketDataChannel=aeron:ipc",
            "TickwireAeronDir=" + dir.resolve("gateway-aeron"),
            "[SESSION]",
            "BeginString=FIX.4.4",
            "TargetCompID=CLIENT1"));
        return config;
    }

    /**
     * Run a command on a daemon thread, as its own process would.
     *
     * @param commands    where the running command is added, for the test to stop and await.
     * @param name        of the thread.
     * @param commandLine to execute.
     * @param args        its arguments.
     */
    static void start(
        final List<FutureTask<Integer>> commands,
        final String name,
        final CommandLine commandLine,
        final String... args)
    {
        final FutureTask<Integer> task = new FutureTask<>(() -> commandLine.execute(args));
        commands.add(task);
        final Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
