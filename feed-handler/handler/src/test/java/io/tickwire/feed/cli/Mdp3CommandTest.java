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

import io.tickwire.feed.ingest.UdpPcapWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class Mdp3CommandTest
{
    private static final int SOURCE = 0x0A000001;
    private static final int GROUP = 0xE0001F01;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldDumpASharedCaptureWithPricesAsDecimals()
    {
        final Path capture = Paths.get(System.getProperty("tickwire.shared.dir", "../shared"), "data",
            "mdp3-pcap", "mdp3-v1.9-MdIncrementalRefreshOrderBook.pcap");
        Assumptions.assumeTrue(Files.exists(capture), "../shared/data absent: skipping MDP 3.0 capture dump");

        assertEquals(0, run("dump", "--pcap", capture.toString()), err.toString());
        assertEquals(
            "seq=911525 template=47 name=MDIncrementalRefreshOrderBook version=9 sending_time=1536760536898363329 " +
            "transact_time=1536760536853618175 match_event_indicator=0x84 entries=1\n" +
            "seq=911525 template=47 entry=order_book security_id=532259 order_id=76662054355 " +
            "order_priority=641463012 update_action=New entry_type=Offer price=12068 display_qty=4\n",
            out.toString());
        assertTrue(err.toString().contains("packets: 1 (UDP datagrams 1)"), err.toString());
        assertTrue(err.toString().contains("messages: 1 47=1"), err.toString());
        assertTrue(err.toString().contains("msg_seq_num: last 911525 gaps 0"), err.toString());
        assertTrue(err.toString().contains("malformed: 0"), err.toString());
    }

    @Test
    void shouldExitOneAndReportMalformedInputWithItsFileOffset() throws IOException
    {
        final byte[] good = packet(41, heartbeat(), volume(13950, 7, 1_340_718));
        final byte[] truncated = packet(42, heartbeat(), volume(13950, 8, 1_340_719));
        final byte[] cut = Arrays.copyOf(truncated, truncated.length - 5);
        final UdpPcapWriter writer = new UdpPcapWriter(false)
            .datagram(1_000_000_000L, SOURCE, GROUP, 14310, 14310, false, good);
        final int secondRecord = writer.size();
        writer.datagram(2_000_000_000L, SOURCE, GROUP, 14310, 14310, false, cut);
        final Path file = writer.write(dir.resolve("bad.pcap"));
        final long volumeInFile = secondRecord + 16 + 14 + 20 + 8 + 12 + 10;

        assertEquals(1, run("dump", "--pcap", file.toString()));

        final String[] lines = out.toString().split("\n");
        assertEquals(4, lines.length, out.toString());
        assertEquals("seq=41 template=12 name=AdminHeartbeat version=9 sending_time=41000", lines[0]);
        assertEquals("seq=41 template=37 entry=volume security_id=13950 rpt_seq=7 update_action=New volume=1340718",
            lines[2]);
        assertEquals("seq=42 template=12 name=AdminHeartbeat version=9 sending_time=42000", lines[3]);
        assertTrue(err.toString().contains("malformed: 1 TRUNCATED_MESSAGE=1"), err.toString());
        assertTrue(err.toString().contains(file + " @" + volumeInFile + " TRUNCATED_MESSAGE: MsgSeqNum 42 " +
            "packet offset 22: MsgSize 40 runs past the end of the packet, only 35 byte(s) left"), err.toString());
        assertTrue(err.toString().contains("msg_seq_num: last 42 gaps 0 (missing 0) duplicates 0"), err.toString());
        assertTrue(err.toString().contains("rpt_seq: instruments 1 gaps 0"), err.toString());
    }

    @Test
    void shouldDumpOnlyTheChosenPortAndCountGaps() throws IOException
    {
        final Path file = new UdpPcapWriter(true)
            .datagram(1L, SOURCE, GROUP, 14310, 14310, false, packet(1, heartbeat()))
            .datagram(2L, SOURCE, GROUP, 14311, 14311, false, packet(900, heartbeat()))
            .datagram(3L, SOURCE, GROUP, 14310, 14310, false, packet(4, volume(1, 5, 10), volume(1, 7, 11)))
            .write(dir.resolve("ports.pcap"));

        assertEquals(0, run("dump", "--pcap", file.toString(), "--port", "14310"), err.toString());

        assertEquals(5, out.toString().split("\n").length, out.toString());
        assertTrue(err.toString().contains("packets: 2 (UDP datagrams 2)"), err.toString());
        assertTrue(err.toString().contains("messages: 3 12=1 37=2"), err.toString());
        assertTrue(err.toString().contains("msg_seq_num: last 4 gaps 1 (missing 2) duplicates 0"), err.toString());
        assertTrue(err.toString().contains("rpt_seq: instruments 1 gaps 1 (missing 1) duplicates 0"), err.toString());
    }

    @Test
    void shouldDumpStatisticsEntriesInTheirPlaceInRptSeq() throws IOException
    {
        final Path file = new UdpPcapWriter(true)
            .datagram(1L, SOURCE, GROUP, 14310, 14310, false,
                packet(1, volume(1, 1, 10), sessionStatistics(1, 2), volume(1, 3, 11)))
            .write(dir.resolve("statistics.pcap"));

        assertEquals(0, run("dump", "--pcap", file.toString()), err.toString());

        assertTrue(out.toString().contains("seq=1 template=51 name=MDIncrementalRefreshSessionStatistics version=9 " +
            "sending_time=1000 transact_time=123 match_event_indicator=0x08 entries=1\n" +
            "seq=1 template=51 entry=statistics security_id=1 rpt_seq=2 update_action=New " +
            "entry_type=TradingSessionHighPrice\n"), out.toString());
        assertTrue(err.toString().contains("messages: 3 37=2 51=1"), err.toString());
        assertTrue(err.toString().contains("skipped (not decoded): 0"), err.toString());
        assertTrue(err.toString().contains("rpt_seq: instruments 1 gaps 0 (missing 0) duplicates 0"), err.toString());
    }

    @Test
    void shouldRejectAMissingInput()
    {
        assertEquals(2, run("dump"));
        assertEquals(1, run("dump", "--pcap", dir.resolve("missing.pcap").toString()));
        assertTrue(err.toString().contains("error: cannot read"), err.toString());
    }

    @Test
    void shouldGenerateASimulatedChannelThatDumpsWithoutErrorsOrGaps() throws IOException
    {
        final Path file = dir.resolve("sim.pcap");
        assertEquals(0, run("generate", "--out", file.toString(), "--packets", "500", "--instruments", "5",
            "--seed", "3", "--channel", "239.1.2.3:20001"), err.toString());
        assertTrue(out.toString().contains("packets: 500"), out.toString());
        final byte[] first = Files.readAllBytes(file);

        out.getBuffer().setLength(0);
        assertEquals(0, run("dump", "--pcap", file.toString(), "--port", "20001"), err.toString());
        assertTrue(err.toString().contains("packets: 500 (UDP datagrams 500)"), err.toString());
        assertTrue(err.toString().contains("msg_seq_num: last 500 gaps 0 (missing 0) duplicates 0"), err.toString());
        assertTrue(err.toString().contains("rpt_seq: instruments 5 gaps 0 (missing 0) duplicates 0"), err.toString());
        assertTrue(err.toString().contains("malformed: 0"), err.toString());
        assertTrue(out.toString().startsWith("seq=1 template=54 name=MDInstrumentDefinitionFuture version=9 "),
            out.toString().substring(0, 200));

        assertEquals(0, run("generate", "--out", file.toString(), "--packets", "500", "--instruments", "5",
            "--seed", "3", "--channel", "239.1.2.3:20001"), err.toString());
        assertTrue(Arrays.equals(first, Files.readAllBytes(file)), "same seed, same bytes");
    }

    @Test
    void shouldRejectAChannelThatIsNotAMulticastGroupAndPort()
    {
        final String out = dir.resolve("x.pcap").toString();
        assertEquals(2, run("generate", "--out", out, "--packets", "1", "--channel", "10.0.0.1:14310"));
        assertTrue(err.toString().contains("--channel must be an IPv4 multicast group and a port"), err.toString());
        assertEquals(2, run("generate", "--out", out, "--packets", "1", "--channel", "239.1.2.3"));
        assertEquals(2, run("generate", "--out", out, "--packets", "1", "--instruments", "0"));
    }

    @Test
    void shouldServeTheSimulatedChannelOnTwoLinesAndASnapshotAddress() throws IOException
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramChannel a = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
            DatagramChannel b = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
            DatagramChannel s = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0)))
        {
            final String host = loopback.getHostAddress() + ":";
            assertEquals(0, run("serve",
                "--line-a", host + ((InetSocketAddress)a.getLocalAddress()).getPort(),
                "--line-b", host + ((InetSocketAddress)b.getLocalAddress()).getPort(),
                "--snapshot", host + ((InetSocketAddress)s.getLocalAddress()).getPort(),
                "--definitions", host + ((InetSocketAddress)s.getLocalAddress()).getPort(), "--interface", "127.0.0.1",
                "--packets", "100", "--rate", "20000", "--loss-b", "100", "--snapshot-every", "10"), err.toString());
            assertTrue(out.toString().contains("definitions " + host), out.toString());
            assertTrue(out.toString().contains("packets: 100 instruments: 12"), out.toString());
            assertTrue(out.toString().contains(": sent 100 lost 0"), out.toString());
            assertTrue(out.toString().contains(": sent 0 lost 100"), out.toString());
            assertTrue(out.toString().contains("lost on both lines: 0"), out.toString());
            assertTrue(out.toString().contains(": sent 10\n"), out.toString());
        }
        assertEquals(2, run("serve", "--line-a", "x", "--line-b", "127.0.0.1:1", "--snapshot", "127.0.0.1:2",
            "--packets", "1"));
        assertTrue(err.toString().contains("--line-a must be HOST:PORT"), err.toString());
        assertEquals(2, run("serve", "--line-a", "127.0.0.1:1", "--line-b", "127.0.0.1:1", "--snapshot",
            "127.0.0.1:2", "--packets", "1", "--interface", "no-such-nic"));
        assertTrue(err.toString().contains("--interface: no network interface no-such-nic"), err.toString());
    }

    @Test
    void shouldServeTheMboSnapshotLoopOnItsOwnAddress() throws IOException
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramChannel a = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
            DatagramChannel s = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
            DatagramChannel m = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0)))
        {
            final String host = loopback.getHostAddress() + ":";
            final String mbo = host + ((InetSocketAddress)m.getLocalAddress()).getPort();
            assertEquals(0, run("serve",
                "--line-a", host + ((InetSocketAddress)a.getLocalAddress()).getPort(),
                "--line-b", host + ((InetSocketAddress)a.getLocalAddress()).getPort(),
                "--snapshot", host + ((InetSocketAddress)s.getLocalAddress()).getPort(), "--mbo",
                "--snapshot-mbo", mbo, "--packets", "100", "--rate", "20000", "--snapshot-every", "10"),
                err.toString());
            assertTrue(out.toString().contains("mbo snapshot " + mbo + ": sent 10\n"), out.toString());
            // What arrives there is SnapshotFullRefreshOrderBook: template 53 after the packet header and MsgSize.
            final ByteBuffer datagram = ByteBuffer.allocate(2048).order(ByteOrder.LITTLE_ENDIAN);
            m.receive(datagram);
            assertEquals(53, datagram.getShort(12 + 2 + 2));
        }
        assertEquals(2, run("serve", "--line-a", "127.0.0.1:1", "--line-b", "127.0.0.1:1", "--snapshot",
            "127.0.0.1:2", "--packets", "1", "--mbo"));
        assertTrue(err.toString().contains("--mbo and --snapshot-mbo go together"), err.toString());
        assertEquals(2, run("serve", "--line-a", "127.0.0.1:1", "--line-b", "127.0.0.1:1", "--snapshot",
            "127.0.0.1:2", "--packets", "1", "--snapshot-mbo", "127.0.0.1:3"));
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new Mdp3Command());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static byte[] packet(final long msgSeqNum, final byte[]... messages)
    {
        int length = 12;
        for (final byte[] message : messages)
        {
            length += message.length;
        }
        final ByteBuffer packet = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        packet.putInt((int)msgSeqNum).putLong(msgSeqNum * 1000);
        for (final byte[] message : messages)
        {
            packet.put(message);
        }
        return packet.array();
    }

    private static byte[] heartbeat()
    {
        final ByteBuffer message = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        message.putShort((short)10).putShort((short)0).putShort((short)12).putShort((short)1).putShort((short)9);
        return message.array();
    }

    private static byte[] volume(final int securityId, final int rptSeq, final int volume)
    {
        final ByteBuffer message = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        message.putShort((short)40).putShort((short)11).putShort((short)37).putShort((short)1).putShort((short)9);
        message.putLong(123L).put((byte)2).putShort((short)0);
        message.putShort((short)16).put((byte)1);
        message.putInt(volume).putInt(securityId).putInt(rptSeq).put((byte)0).put(new byte[3]);
        return message.array();
    }

    private static byte[] sessionStatistics(final int securityId, final int rptSeq)
    {
        final ByteBuffer message = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        message.putShort((short)48).putShort((short)11).putShort((short)51).putShort((short)1).putShort((short)9);
        message.putLong(123L).put((byte)8).putShort((short)0);
        message.putShort((short)24).put((byte)1);
        // MDEntryPx, SecurityID, RptSeq, OpenCloseSettlFlag (null), MDUpdateAction New, '7' high trade, size null.
        message.putLong(5_120_000_000_000L).putInt(securityId).putInt(rptSeq).put((byte)255).put((byte)0)
            .put((byte)'7').putInt(Integer.MAX_VALUE).put((byte)0);
        return message.array();
    }
}
