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
package io.tickwire.feed.ingest.mdp3;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The lines of one live CME MDP 3.0 channel and how it is received: incremental feed A and B, the snapshot (market
 * recovery) loop and the instrument definition loop on side A and, optionally, side B, the interface the multicast
 * groups are joined on, for market by order the MBO snapshot loop (53) on side A and optionally B, how long a hole
 * may wait for the other line, and the bounds of what is held, sized from the instruments the channel carries unless
 * given. Read from properties
 * ({@code tickwire.mdp3.channel.*}, see docs/MDP3.md and config/mdp3-channel-310.properties) or set by the CLI.
 */
public final class Mdp3ChannelConfig
{
    /** Property prefix. */
    public static final String PREFIX = "tickwire.mdp3.channel.";
    /** Default wait for the other line before a hole is declared missed on both: 5 ms. */
    public static final long DEFAULT_GAP_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Default incremental packets held ahead of a hole. */
    public static final int DEFAULT_HOLD_PACKETS = 1024;
    /** Fewest incremental entries held for recovering instruments. */
    public static final int MIN_RECOVERY_ENTRIES = 4096;
    /** Default instruments the channel carries, for sizing what recovery holds. */
    public static final int DEFAULT_INSTRUMENTS = 64;
    /**
     * Entries held per instrument of the channel when {@code recovery.entries} is not given: what an instrument may
     * receive while it waits for its snapshot (about one pass of the loop, plus the loop's lag).
     */
    public static final int RECOVERY_ENTRIES_PER_INSTRUMENT = 256;
    private static final List<String> KEYS = List.of("id", "incremental.a", "incremental.b",
        "snapshot", "snapshot.a", "snapshot.b", "definitions", "definitions.a", "definitions.b", "interface",
        "gap.wait.us", "hold.packets", "instruments", "recovery.entries", "socket.rcvbuf", "mbo", "snapshot.mbo",
        "snapshot.mbo.a", "snapshot.mbo.b", "mbo.hold");
    /** Default order updates held for order books waiting for their snapshot (market by order). */
    public static final int DEFAULT_MBO_HOLD = 65_536;
    /** Default socket receive buffer. */
    public static final int DEFAULT_SOCKET_RCVBUF = 4 * 1024 * 1024;

    private String id = "";
    private InetSocketAddress lineA;
    private InetSocketAddress lineB;
    private InetSocketAddress snapshot;
    private InetSocketAddress snapshotB;
    private InetSocketAddress definitions;
    private InetSocketAddress definitionsB;
    private boolean mbo;
    private InetSocketAddress snapshotMbo;
    private InetSocketAddress snapshotMboB;
    private int mboHold = DEFAULT_MBO_HOLD;
    private String networkInterface = "127.0.0.1";
    private long gapWaitNs = DEFAULT_GAP_WAIT_NS;
    private int holdPackets = DEFAULT_HOLD_PACKETS;
    private int instruments = DEFAULT_INSTRUMENTS;
    private int recoveryEntries;
    private int socketRcvbuf = DEFAULT_SOCKET_RCVBUF;

    /**
     * Read a channel from properties; keys absent keep their defaults.
     *
     * @param properties with {@code tickwire.mdp3.channel.*} keys.
     * @return the configuration, not yet checked.
     * @throws IllegalArgumentException on a value that does not parse, naming the key.
     */
    public static Mdp3ChannelConfig from(final Properties properties)
    {
        for (final String key : properties.stringPropertyNames())
        {
            if (key.startsWith(PREFIX) && !KEYS.contains(key.substring(PREFIX.length())))
            {
                throw new IllegalArgumentException("unknown key " + key + " (known: " + PREFIX + KEYS + ")");
            }
        }
        final Mdp3ChannelConfig config = new Mdp3ChannelConfig();
        final String id = properties.getProperty(PREFIX + "id");
        if (null != id)
        {
            config.id(id.trim());
        }
        config.lineA(address(properties, "incremental.a"));
        config.lineB(address(properties, "incremental.b"));
        config.snapshot(address(properties, "snapshot.a", "snapshot"));
        config.snapshotB(address(properties, "snapshot.b", null));
        config.definitions(address(properties, "definitions.a", "definitions"));
        config.definitionsB(address(properties, "definitions.b", null));
        config.snapshotMbo(address(properties, "snapshot.mbo.a", "snapshot.mbo"));
        config.snapshotMboB(address(properties, "snapshot.mbo.b", null));
        final String mbo = properties.getProperty(PREFIX + "mbo");
        if (null != mbo)
        {
            final String value = mbo.trim();
            if (!"true".equals(value) && !"false".equals(value))
            {
                throw new IllegalArgumentException(PREFIX + "mbo needs true or false, got '" + mbo + "'");
            }
            config.mbo(Boolean.parseBoolean(value));
        }
        config.mboHold((int)number(properties, "mbo.hold", DEFAULT_MBO_HOLD));
        final String nic = properties.getProperty(PREFIX + "interface");
        if (null != nic)
        {
            config.networkInterface(nic.trim());
        }
        config.gapWaitNs(TimeUnit.MICROSECONDS.toNanos(number(properties, "gap.wait.us",
            TimeUnit.NANOSECONDS.toMicros(DEFAULT_GAP_WAIT_NS))));
        config.holdPackets((int)number(properties, "hold.packets", DEFAULT_HOLD_PACKETS));
        config.instruments((int)number(properties, "instruments", DEFAULT_INSTRUMENTS));
        config.recoveryEntries((int)number(properties, "recovery.entries", 0));
        config.socketRcvbuf((int)number(properties, "socket.rcvbuf", DEFAULT_SOCKET_RCVBUF));
        return config;
    }

    /**
     * Parse {@code HOST:PORT}.
     *
     * @param key   naming the value in errors.
     * @param value the text.
     * @return the address.
     * @throws IllegalArgumentException when it does not parse.
     */
    public static InetSocketAddress parseAddress(final String key, final String value)
    {
        final int colon = value.lastIndexOf(':');
        try
        {
            if (colon <= 0)
            {
                throw new NumberFormatException("no port");
            }
            return new InetSocketAddress(value.substring(0, colon).trim(),
                Integer.parseInt(value.substring(colon + 1).trim()));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(key + " needs HOST:PORT, got '" + value + "'", ex);
        }
    }

    private static InetSocketAddress address(final Properties properties, final String key)
    {
        final String value = properties.getProperty(PREFIX + key);
        return null == value || value.isBlank() ? null : parseAddress(PREFIX + key, value);
    }

    private static InetSocketAddress address(final Properties properties, final String key, final String alias)
    {
        if (null != alias && null != properties.getProperty(PREFIX + alias))
        {
            if (null != properties.getProperty(PREFIX + key))
            {
                throw new IllegalArgumentException(PREFIX + key + " and " + PREFIX + alias + " are the same key");
            }
            return address(properties, alias);
        }
        return address(properties, key);
    }

    private static long number(final Properties properties, final String key, final long defaultValue)
    {
        final String value = properties.getProperty(PREFIX + key);
        try
        {
            return null == value ? defaultValue : Long.parseLong(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(PREFIX + key + " needs a number, got '" + value + "'", ex);
        }
    }

    /**
     * Check that the lines needed are there and the bounds are sound.
     *
     * @return this.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public Mdp3ChannelConfig conclude()
    {
        if (null == lineA || null == lineB || null == snapshot)
        {
            throw new IllegalArgumentException("an MDP 3.0 channel needs incremental lines A and B and the snapshot " +
                "loop (" + PREFIX + "incremental.a, incremental.b, snapshot; --mdp3-a, --mdp3-b, --mdp3-snapshot)");
        }
        if (null != snapshotMboB && null == snapshotMbo)
        {
            throw new IllegalArgumentException("the MBO snapshot loop's side B needs its side A (" + PREFIX +
                "snapshot.mbo.a; --mdp3-snapshot-mbo)");
        }
        if (mbo && null == snapshotMbo)
        {
            throw new IllegalArgumentException("market by order on a live channel needs its MBO snapshot loop (" +
                PREFIX + "snapshot.mbo.a; --mdp3-snapshot-mbo)");
        }
        if (mboHold < 1)
        {
            throw new IllegalArgumentException(PREFIX + "mbo.hold must be >= 1: " + mboHold);
        }
        if (gapWaitNs < 0)
        {
            throw new IllegalArgumentException("gap wait must be >= 0: " + gapWaitNs + " ns");
        }
        if (instruments < 1)
        {
            throw new IllegalArgumentException(PREFIX + "instruments must be >= 1: " + instruments);
        }
        if (0 == recoveryEntries)
        {
            // Sized from the channel: each instrument may hold what arrives for it until its snapshot comes round.
            recoveryEntries = recoveryEntriesFor(instruments);
        }
        for (final int bound : new int[]{ holdPackets, recoveryEntries })
        {
            if (bound < 2 || Integer.bitCount(bound) != 1)
            {
                throw new IllegalArgumentException(PREFIX + "hold.packets and recovery.entries must be powers of " +
                    "two >= 2: " + holdPackets + ", " + recoveryEntries);
            }
        }
        return this;
    }

    /**
     * Entries held for recovering instruments when not configured: {@link #RECOVERY_ENTRIES_PER_INSTRUMENT} per
     * instrument, at least {@link #MIN_RECOVERY_ENTRIES}, rounded up to a power of two.
     *
     * @param instruments the channel carries.
     * @return the capacity of the held entries.
     */
    public static int recoveryEntriesFor(final int instruments)
    {
        final long wanted = (long)instruments * RECOVERY_ENTRIES_PER_INSTRUMENT;
        return Math.max(MIN_RECOVERY_ENTRIES, 1 << (64 - Long.numberOfLeadingZeros(wanted - 1)));
    }

    /**
     * The interface to join multicast groups on: a NIC name, or an address of one.
     *
     * @return the interface.
     * @throws IllegalArgumentException when there is no such interface.
     */
    public NetworkInterface resolveInterface()
    {
        try
        {
            NetworkInterface nic = NetworkInterface.getByName(networkInterface);
            if (null == nic)
            {
                nic = NetworkInterface.getByInetAddress(InetAddress.getByName(networkInterface));
            }
            if (null == nic)
            {
                throw new IllegalArgumentException("no network interface " + networkInterface);
            }
            return nic;
        }
        catch (final SocketException | UnknownHostException ex)
        {
            throw new IllegalArgumentException("no network interface " + networkInterface + ": " + ex, ex);
        }
    }

    /**
     * Describe the channel for banners and source names.
     *
     * @return e.g. {@code mdp3 channel 310 A 224.0.31.1:14310 B 224.0.32.1:15310 snapshot ... definitions ...}.
     */
    public String describe()
    {
        return "mdp3 channel" + (id.isEmpty() ? "" : " " + id) + " A " + text(lineA) + " B " + text(lineB) +
            " snapshot " + text(snapshot) + (null == snapshotB ? "" : "/" + text(snapshotB)) +
            (null == definitions ? "" : " definitions " + text(definitions)) +
            (null == definitionsB ? "" : "/" + text(definitionsB)) +
            (mbo ? " mbo snapshot " + text(snapshotMbo) + (null == snapshotMboB ? "" : "/" + text(snapshotMboB)) : "");
    }

    private static String text(final InetSocketAddress address)
    {
        return null == address ? "-" : address.getHostString() + ":" + address.getPort();
    }

    /** @param id the channel's id, e.g. 310. @return this. */
    public Mdp3ChannelConfig id(final String id)
    {
        this.id = id;
        return this;
    }

    /** @param address incremental feed A. @return this. */
    public Mdp3ChannelConfig lineA(final InetSocketAddress address)
    {
        this.lineA = address;
        return this;
    }

    /** @param address incremental feed B. @return this. */
    public Mdp3ChannelConfig lineB(final InetSocketAddress address)
    {
        this.lineB = address;
        return this;
    }

    /** @param address the snapshot (market recovery) loop. @return this. */
    public Mdp3ChannelConfig snapshot(final InetSocketAddress address)
    {
        this.snapshot = address;
        return this;
    }

    /** @param address the snapshot loop's side B, or null to read side A only. @return this. */
    public Mdp3ChannelConfig snapshotB(final InetSocketAddress address)
    {
        this.snapshotB = address;
        return this;
    }

    /** @param address the instrument definition loop's side B, or null to read side A only. @return this. */
    public Mdp3ChannelConfig definitionsB(final InetSocketAddress address)
    {
        this.definitionsB = address;
        return this;
    }

    /**
     * @param mbo true to normalise the channel as market by order (order books, recovered from the MBO snapshot
     *            loop), false for price levels.
     * @return this.
     */
    public Mdp3ChannelConfig mbo(final boolean mbo)
    {
        this.mbo = mbo;
        return this;
    }

    /** @param address the MBO snapshot loop (SnapshotFullRefreshOrderBook, 53), side A. @return this. */
    public Mdp3ChannelConfig snapshotMbo(final InetSocketAddress address)
    {
        this.snapshotMbo = address;
        return this;
    }

    /** @param address the MBO snapshot loop's side B, or null to read side A only. @return this. */
    public Mdp3ChannelConfig snapshotMboB(final InetSocketAddress address)
    {
        this.snapshotMboB = address;
        return this;
    }

    /** @param updates order updates held for order books waiting for their snapshot. @return this. */
    public Mdp3ChannelConfig mboHold(final int updates)
    {
        this.mboHold = updates;
        return this;
    }

    /** @return whether the channel is normalised as market by order. */
    public boolean mbo()
    {
        return mbo;
    }

    /** @return the MBO snapshot loop's side A, or null. */
    public InetSocketAddress snapshotMbo()
    {
        return snapshotMbo;
    }

    /** @return the MBO snapshot loop's side B, or null. */
    public InetSocketAddress snapshotMboB()
    {
        return snapshotMboB;
    }

    /** @return order updates held for order books waiting for their snapshot. */
    public int mboHold()
    {
        return mboHold;
    }

    /** @param count instruments the channel carries, for sizing what recovery holds. @return this. */
    public Mdp3ChannelConfig instruments(final int count)
    {
        this.instruments = count;
        return this;
    }

    /** @param address the instrument definition loop, or null for none. @return this. */
    public Mdp3ChannelConfig definitions(final InetSocketAddress address)
    {
        this.definitions = address;
        return this;
    }

    /** @param nic NIC name or address to join multicast groups on. @return this. */
    public Mdp3ChannelConfig networkInterface(final String nic)
    {
        this.networkInterface = nic;
        return this;
    }

    /** @param ns wait for the other line before a hole is declared missed on both. @return this. */
    public Mdp3ChannelConfig gapWaitNs(final long ns)
    {
        this.gapWaitNs = ns;
        return this;
    }

    /** @param packets incremental packets held ahead of a hole, a power of two. @return this. */
    public Mdp3ChannelConfig holdPackets(final int packets)
    {
        this.holdPackets = packets;
        return this;
    }

    /**
     * @param entries incremental entries held for recovering instruments, a power of two; 0 to size them from
     *                {@link #instruments(int)} on {@link #conclude()}.
     * @return this.
     */
    public Mdp3ChannelConfig recoveryEntries(final int entries)
    {
        this.recoveryEntries = entries;
        return this;
    }

    /** @param bytes socket receive buffer. @return this. */
    public Mdp3ChannelConfig socketRcvbuf(final int bytes)
    {
        this.socketRcvbuf = bytes;
        return this;
    }

    /** @return the channel's id, or empty. */
    public String id()
    {
        return id;
    }

    /** @return incremental feed A. */
    public InetSocketAddress lineA()
    {
        return lineA;
    }

    /** @return incremental feed B. */
    public InetSocketAddress lineB()
    {
        return lineB;
    }

    /** @return the snapshot loop. */
    public InetSocketAddress snapshot()
    {
        return snapshot;
    }

    /** @return the snapshot loop's side B, or null. */
    public InetSocketAddress snapshotB()
    {
        return snapshotB;
    }

    /** @return the definition loop's side B, or null. */
    public InetSocketAddress definitionsB()
    {
        return definitionsB;
    }

    /** @return instruments the channel carries. */
    public int instruments()
    {
        return instruments;
    }

    /** @return the definition loop, or null. */
    public InetSocketAddress definitions()
    {
        return definitions;
    }

    /** @return NIC name or address. */
    public String networkInterface()
    {
        return networkInterface;
    }

    /** @return the wait for the other line. */
    public long gapWaitNs()
    {
        return gapWaitNs;
    }

    /** @return packets held ahead of a hole. */
    public int holdPackets()
    {
        return holdPackets;
    }

    /** @return entries held for recovering instruments. */
    public int recoveryEntries()
    {
        return recoveryEntries;
    }

    /** @return socket receive buffer. */
    public int socketRcvbuf()
    {
        return socketRcvbuf;
    }
}
