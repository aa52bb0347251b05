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

import io.tickwire.agent.ThreadPlan;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.agent.cli.HlogOptions;
import io.tickwire.agent.cli.MetricsOptions;
import io.tickwire.feed.FeedConfiguration;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.config.ConfigException;
import io.tickwire.feed.ingest.mdp3.Mdp3ChannelConfig;
import io.tickwire.latency.LatencyRecording;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tickwire feed publish}: read one ITCH or CME MDP 3.0 source, publish the normalised feed on Aeron, print
 * the thread plan, a status line per second and a summary. Ends when the input is exhausted (files, captures, the
 * simulator) or on Ctrl-C.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
        "Publish a normalised SBE feed on Aeron from an ITCH or a CME MDP 3.0 source.",
        "A file, capture or simulation is published completely (waiting for a subscriber: nothing is lost);",
        "live MoldUDP64 and MDP 3.0 run until Ctrl-C (MoldUDP64: or end of session). Prints the thread plan,",
        "a status line per second and a summary.",
        "Settings come from the command line, else the configuration file (--config, default",
        "config/feed-handler.properties of the installation when present), else system properties, else defaults." })
public final class FeedPublishCommand implements Callable<Integer>
{
    /** Exit status: the input was published completely. */
    public static final int EXIT_OK = 0;
    /** Exit status: the run failed (cannot open the input, the driver, ...). */
    public static final int EXIT_ERROR = 1;
    /** Exit status: the command line was wrong. */
    public static final int EXIT_USAGE = 2;
    /** Exit status: some input could not be read to its end (corrupt gzip, I/O error): published data may be bad. */
    public static final int EXIT_BAD_INPUT = 3;
    /** Exit status: sequence numbers were missing from the input (capture gaps, unrecovered live losses). */
    public static final int EXIT_GAPS = 4;

    static final class Input
    {
        @Option(names = "--itch", paramLabel = "FILE", description = "ITCH 5.0 BinaryFILE, plain or .gz.")
        Path itch;

        @Option(names = "--pcap", paramLabel = "FILE", description = "pcap capture of MoldUDP64 carrying ITCH.")
        Path pcap;

        @Option(names = "--mdp3", paramLabel = "FILE",
            description = "pcap capture of CME MDP 3.0 incremental packets (e.g. from 'mdp3 generate').")
        Path mdp3;

        @Option(names = "--moldudp64", paramLabel = "HOST:PORT",
            description = "Live MoldUDP64 stream (unicast, or a multicast group to join).")
        String moldUdp64;

        @Option(names = "--mdp3-live",
            description = "Live CME MDP 3.0 channel: lines A and B arbitrated, recovery from the snapshot loop " +
            "(--mdp3-channel FILE and/or --mdp3-a, --mdp3-b, --mdp3-snapshot, --mdp3-definitions).")
        boolean mdp3Live;

        @Option(names = "--simulate",
            description = "Generated realistic order flow (see --messages, --symbols, --seed).")
        boolean simulate;
    }

    static final class Pacing
    {
        @Option(names = "--rate", paramLabel = "N", description = "Pace the input to N messages per second.")
        long rate;

        @Option(names = "--max", description = "As fast as possible (default).")
        boolean max;
    }

    /** The installation's configuration file, read when present and no --config is given. */
    static final String CONFIG_FILE = "feed-handler.properties";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file of tickwire.feed.* and tickwire.moldudp64.* keys (default: the " +
        "installation's config/" + CONFIG_FILE + " when present; flags given here override it).")
    Path config;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Pacing pacing;

    @Option(names = "--mbo",
        description = "With --mdp3 or --mdp3-live: market by order - instruments get order books (OrderUpdate from " +
        "the order entries of 46 and 47) instead of price-level books; live, they recover from the MBO snapshot " +
        "loop (--mdp3-snapshot-mbo).")
    boolean mbo;

    @Mixin
    Mdp3LiveOptions mdp3LiveOptions = new Mdp3LiveOptions();

    @Option(names = "--request-server", paramLabel = "HOST:PORT",
        description = "MoldUDP64 re-request server for gap recovery (with --moldudp64).")
    String requestServer;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000000",
        description = "Messages to simulate (default: ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--symbols", paramLabel = "K", defaultValue = "100",
        description = "Symbols to simulate (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--channel", paramLabel = "URI", description = "Aeron channel (default: ${DEFAULT-VALUE}).")
    String channel = FeedConfiguration.channel();

    @Option(names = "--stream", paramLabel = "ID", description = "Aeron stream id (default: ${DEFAULT-VALUE}).")
    int streamId = FeedConfiguration.streamId();

    @Option(names = "--profile", paramLabel = "compact|dedicated", converter = ProfileConverter.class,
        description = "Threading profile (default: chosen from the number of cores).")
    ThreadingProfile profile = FeedConfiguration.profile();

    @Option(names = "--cpus", paramLabel = "LIST",
        description = "CPUs to pin agent threads to, e.g. 2,3 or 2-4 (ingest agents first, then the publisher).")
    String cpus;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Use the external media driver of this directory (default: embedded driver).")
    String aeronDir;

    @Option(names = "--record", paramLabel = "DIR",
        description = "Record the published stream with Aeron Archive into DIR (embedded driver only).")
    File recordDir;

    @Option(names = "--no-snapshots", negatable = false,
        description = "Do not run the snapshot server (late joiners and subscribers with unrecoverable gaps " +
        "then cannot recover).")
    boolean noSnapshots;

    @Option(names = "--snapshot-request", paramLabel = "URI",
        description = "Channel the snapshot server takes requests on (default: ${DEFAULT-VALUE}).")
    String snapshotRequestChannel = FeedConfiguration.snapshotRequestChannel();

    @Option(names = "--snapshot-request-stream", paramLabel = "ID",
        description = "Stream id of snapshot requests (default: ${DEFAULT-VALUE}).")
    int snapshotRequestStreamId = FeedConfiguration.snapshotRequestStreamId();

    @Option(names = "--snapshot-response", paramLabel = "URI",
        description = "Channel the snapshot server answers on (default: ${DEFAULT-VALUE}).")
    String snapshotResponseChannel = FeedConfiguration.snapshotResponseChannel();

    @Option(names = "--snapshot-response-stream", paramLabel = "ID",
        description = "Stream id of snapshot responses (default: ${DEFAULT-VALUE}).")
    int snapshotResponseStreamId = FeedConfiguration.snapshotResponseStreamId();

    @Option(names = "--linger-ms", paramLabel = "MS", defaultValue = "1000",
        description = "After the input is published, keep the driver up this long for subscribers to catch up " +
        "(default: ${DEFAULT-VALUE}).")
    long lingerMs;

    @Mixin
    HlogOptions hlog = new HlogOptions();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PublishSettings settings;

    /**
     * Converts {@code compact}/{@code dedicated} to a {@link ThreadingProfile}.
     */
    static final class ProfileConverter implements CommandLine.ITypeConverter<ThreadingProfile>
    {
        public ThreadingProfile convert(final String value)
        {
            return ThreadingProfile.parse(value);
        }
    }

    /**
     * Run the publisher.
     *
     * @return the exit code.
     */
    public Integer call()
    {
        final FeedHandlerContext ctx = context();
        final PrintWriter out = spec.commandLine().getOut();
        // Closed after the feed handler, so the log's last interval holds every message.
        try (LatencyRecording recording = hlog.start("feed-publish"))
        {
            if (recording.isEnabled() || metrics.isEnabled())
            {
                ctx.latencyRegistry(recording.registry());
            }
            return new PublishRun(ctx, recording, metrics, settings.file, lingerMs, out).run(new FeedHandler(ctx));
        }
    }

    FeedHandlerContext context()
    {
        settings = loadSettings();
        settings.applyTo(hlog, metrics, this::given);
        lingerMs = given("--linger-ms") ? lingerMs : settings.lingerMs;
        metrics.validate(spec.commandLine());
        if (null != requestServer && null == input.moldUdp64)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--request-server needs --moldudp64");
        }
        if (mdp3LiveOptions.anyGiven() && !input.mdp3Live)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mdp3-channel and --mdp3-a/-b/-snapshot/" +
                "-snapshot-b/-snapshot-mbo/-snapshot-mbo-b/-definitions/-definitions-b/-interface/-gap-wait-us need " +
                "--mdp3-live");
        }
        if (mbo && null == input.mdp3 && !input.mdp3Live)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mbo needs --mdp3 or --mdp3-live");
        }
        if (mdp3LiveOptions.anyMboGiven() && !mbo)
        {
            // A channel file may list the MBO loop for later; a flag for it without --mbo would be read by nothing.
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--mdp3-snapshot-mbo and --mdp3-snapshot-mbo-b need --mbo");
        }
        if (null != pacing && !pacing.max && (null != input.moldUdp64 || input.mdp3Live))
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--rate paces replayed input (--itch, --pcap, --mdp3, --simulate); live --moldudp64 and --mdp3-live " +
                "arrive at their " +
                "own rate");
        }
        if (null != pacing && !pacing.max && pacing.rate <= 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be positive");
        }

        // The file's settings, then each flag given on the command line over them.
        final FeedHandlerContext ctx = settings.context;
        if (given("--cpus"))
        {
            try
            {
                ctx.cpus(ThreadPlan.parseCpus(cpus));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
            }
        }
        ctx.channel(given("--channel") ? channel : ctx.channel())
            .streamId(given("--stream") ? streamId : ctx.streamId())
            .threadingProfile(given("--profile") ? profile : ctx.threadingProfile())
            .aeronDirectoryName(given("--aeron-dir") ? aeronDir : ctx.aeronDirectoryName())
            .recordingDir(given("--record") ? recordDir : ctx.recordingDir())
            // The snapshot server keeps order books and price-level books: late joiners of an MDP 3.0 feed recover too.
            .snapshots(!noSnapshots && ctx.snapshots())
            .snapshotRequest(
                given("--snapshot-request") ? snapshotRequestChannel : ctx.snapshotRequestChannel(),
                given("--snapshot-request-stream") ? snapshotRequestStreamId : ctx.snapshotRequestStreamId())
            .snapshotResponse(
                given("--snapshot-response") ? snapshotResponseChannel : ctx.snapshotResponseChannel(),
                given("--snapshot-response-stream") ? snapshotResponseStreamId : ctx.snapshotResponseStreamId());
        if (null != pacing)
        {
            ctx.ratePerSecond(pacing.max ? 0 : pacing.rate);
        }
        else if (null != input.moldUdp64)
        {
            // The file's rate paces replayed input; live input arrives at its own rate.
            ctx.ratePerSecond(0);
        }
        Sources.configure(ctx, this);
        return ctx;
    }

    private PublishSettings loadSettings()
    {
        try
        {
            return PublishSettings.load(CommandConfig.resolve(config, CONFIG_FILE, spec.commandLine()));
        }
        catch (final ConfigException ex)
        {
            throw CommandConfig.usage(spec.commandLine(), ex);
        }
    }

    private boolean given(final String option)
    {
        return CommandConfig.given(spec.commandLine(), option);
    }

    PublishSettings settings()
    {
        return settings;
    }

    String itchFile()
    {
        return null == input.itch ? null : input.itch.toString();
    }

    String pcapFile()
    {
        return null == input.pcap ? null : input.pcap.toString();
    }

    String mdp3File()
    {
        return null == input.mdp3 ? null : input.mdp3.toString();
    }

    boolean mbo()
    {
        return mbo;
    }

    String moldUdp64()
    {
        return input.moldUdp64;
    }

    boolean mdp3Live()
    {
        return input.mdp3Live;
    }

    /**
     * The live MDP 3.0 channel: the --mdp3-channel file's keys, then each --mdp3-* flag over them.
     */
    Mdp3ChannelConfig mdp3ChannelConfig()
    {
        return mdp3LiveOptions.toConfig(spec.commandLine(), mbo);
    }

    boolean simulate()
    {
        return input.simulate;
    }

    String requestServer()
    {
        return requestServer;
    }

    long messages()
    {
        return messages;
    }

    int symbols()
    {
        return symbols;
    }

    long seed()
    {
        return seed;
    }

}
