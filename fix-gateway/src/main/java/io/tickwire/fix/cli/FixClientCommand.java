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

import io.tickwire.agent.cli.HlogOptions;
import io.tickwire.fix.gateway.OrderStages;
import io.tickwire.latency.LatencyRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tickwire fix-client}: open-loop order entry load against a gateway, printing order to
 * ExecutionReport(New) latency percentiles measured from the intended send time.
 */
@Command(
    name = "fix-client",
    mixinStandardHelpOptions = true,
    description = "Open-loop FIX order entry load client: order -> ExecutionReport(New) latency percentiles.")
public final class FixClientCommand implements Callable<Integer>
{
    @Option(names = "--host", required = true, description = "Gateway host.")
    private String host;

    @Option(names = "--port", required = true, description = "Gateway port.")
    private int port;

    @Option(names = "--orders", defaultValue = "10000", description = "Orders to send (default ${DEFAULT-VALUE}).")
    private int orders;

    @Option(names = "--rate", defaultValue = "1000", description = "Orders per second (default ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--warmup", defaultValue = "2000", description = "Warm-up orders, not recorded.")
    private int warmup;

    @Option(names = "--begin-string", defaultValue = "FIX.4.4", description = "FIX version (default ${DEFAULT-VALUE}).")
    private String beginString;

    @Option(names = "--sender", defaultValue = "CLIENT1", description = "SenderCompID (default ${DEFAULT-VALUE}).")
    private String sender;

    @Option(names = "--target", defaultValue = "TWGW", description = "TargetCompID (default ${DEFAULT-VALUE}).")
    private String target;

    @Option(names = "--username", description = "Username (553).")
    private String username;

    @Option(names = "--password", description = "Password (554).")
    private String password;

    @Option(names = "--symbol", defaultValue = "AAPL", description = "Symbol (default ${DEFAULT-VALUE}).")
    private String symbol;

    @Option(names = "--price", defaultValue = "150",
        description = "Mid price: buys 1 below, sells 1 above, so orders rest (default ${DEFAULT-VALUE}).")
    private BigDecimal price;

    @Option(names = "--cross",
        description = "Buy and sell at the price itself, so each sell fills the buy before it and the book stays " +
        "near empty (for long runs).")
    private boolean cross;

    @Option(names = "--acked-out", paramLabel = "FILE",
        description = "Append the ClOrdID of every acknowledged order (ExecutionReport New), one a line.")
    private Path ackedOut;

    @Mixin
    private HlogOptions hlog;

    /**
     * Why nothing can be reached at the address, or null when something accepts connections there: said before the
     * FIX engine starts, because its own reconnect loop only retries in silence.
     */
    static String unreachable(final String host, final int port)
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            return null;
        }
        catch (final UnknownHostException ex)
        {
            return "unknown host: " + host;
        }
        catch (final ConnectException ex)
        {
            return "nothing listens on " + host + ":" + port + " (connection refused): is the gateway running, " +
                "and on this address (it listens on 127.0.0.1 by default)?";
        }
        catch (final SocketTimeoutException ex)
        {
            return "no answer from " + host + ":" + port + " within 2 s (a firewall, or a host that is down)";
        }
        catch (final IOException ex)
        {
            return "cannot connect to " + host + ":" + port + ": " + ex.getMessage();
        }
    }

    /**
     * {@inheritDoc}
     */
    public Integer call() throws Exception
    {
        if (orders <= 0 || rate <= 0)
        {
            System.err.println("--orders and --rate must be positive");
            return 2;
        }
        final String unreachable = unreachable(host, port);
        if (null != unreachable)
        {
            System.err.println("error: " + unreachable);
            return 1;
        }
        try (LatencyRecording recording = hlog.start("fix-client");
            OpenLoopOrderClient client = new OpenLoopOrderClient(
            host, port, beginString, sender, target, username, password, symbol, price))
        {
            if (!client.awaitLogon(10_000))
            {
                System.err.println("error: could not log on to " + host + ":" + port + " as " + sender + ": " +
                    (null != client.refusal() ? client.refusal() : "no Logon answer within 10 s (does the gateway " +
                    "have a session for SenderCompID " + sender + " and TargetCompID " + target + "? it ignores " +
                    "logons for sessions it does not know)"));
                return 1;
            }
            client.crossing(cross);
            if (warmup > 0)
            {
                client.run(warmup, rate, 30_000);
                writeAcknowledged(client.acknowledgedClOrdIds());
            }
            client.orderToAckRecorder(recording.registry().recorder(OrderStages.ORDER_TO_ACK, "fix-client"));
            final OpenLoopOrderClient.Result result = client.run(orders, rate, 60_000);
            writeAcknowledged(client.acknowledgedClOrdIds());
            System.out.println(result.format());
            if (recording.isEnabled())
            {
                System.out.println("latency log: " + recording.file());
            }
            return result.acknowledged() + result.rejected() == orders ? 0 : 1;
        }
    }

    private void writeAcknowledged(final List<String> clOrdIds) throws IOException
    {
        if (null != ackedOut)
        {
            Files.write(ackedOut, clOrdIds, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        }
    }
}
