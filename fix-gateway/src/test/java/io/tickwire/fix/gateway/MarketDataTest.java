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

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.Side;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class MarketDataTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPublishBookChangesOnGatewayStream() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        // The in-process engine's BookPublisher; an embedded member's market data: EmbeddedMemberMarketDataTest.
        settings.removeSetting(new SessionID("DEFAULT", "", ""), GatewayConfiguration.CLUSTER_DIR_PROP_NAME);
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, "aeron:ipc");
        settings.setLong(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME, 2001);
        settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME, dir.resolve("aeron").toString());

        final List<String> events = new ArrayList<>();
        final List<Long> sequences = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AddOrderDecoder addOrder = new AddOrderDecoder();
        final OrderExecutedDecoder executed = new OrderExecutedDecoder();
        final OrderDeleteDecoder delete = new OrderDeleteDecoder();

        Aeron aeron = null;
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings));
            TestFixClient buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false);
            TestFixClient seller = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", "s3cret-pass", false))
        {
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(gateway.aeronDirectoryName()));
            final Subscription subscription = aeron.addSubscription("aeron:ipc", 2001);
            while (!subscription.isConnected())
            {
                Thread.sleep(5);
            }
            assertTrue(buyer.awaitLogon(10_000));
            assertTrue(seller.awaitLogon(10_000));

            seller.send(newOrder("S1", "MSFT", '2', "50", '2', "300.25", '0'));
            assertReport(seller.next(), '0', '0', "S1", "0", "50");
            buyer.send(newOrder("B1", "MSFT", '1', "20", '2', "301", '0'));
            assertReport(buyer.next(), '0', '0', "B1", "0", "20");
            assertReport(buyer.next(), 'F', '2', "B1", "20", "0");
            final Message cancel = new Message();
            cancel.getHeader().setString(35, "F");
            cancel.setString(11, "S2");
            cancel.setString(41, "S1");
            cancel.setString(55, "MSFT");
            cancel.setChar(54, '2');
            cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
            seller.send(cancel);

            final long deadline = System.currentTimeMillis() + 10_000;
            while (events.size() < 3 && System.currentTimeMillis() < deadline)
            {
                subscription.poll((buffer, offset, length, hdr) ->
                {
                    header.wrap(buffer, offset);
                    final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
                    switch (header.templateId())
                    {
                        case AddOrderDecoder.TEMPLATE_ID:
                            addOrder.wrap(buffer, body, header.blockLength(), header.version());
                            sequences.add(addOrder.sequence());
                            events.add("add " + addOrder.instrumentId() + " " + (addOrder.side() == Side.SELL ?
                                "S" : "B") + " " + addOrder.quantity() + "@" + addOrder.price());
                            break;
                        case OrderExecutedDecoder.TEMPLATE_ID:
                            executed.wrap(buffer, body, header.blockLength(), header.version());
                            sequences.add(executed.sequence());
                            events.add("executed " + executed.instrumentId() + " " + executed.executedQuantity());
                            break;
                        case OrderDeleteDecoder.TEMPLATE_ID:
                            delete.wrap(buffer, body, header.blockLength(), header.version());
                            sequences.add(delete.sequence());
                            events.add("delete " + delete.instrumentId());
                            break;
                        default:
                            events.add("template " + header.templateId());
                    }
                }, 10);
                Thread.sleep(1);
            }
            assertEquals(List.of("add 2 S 50@3002500", "executed 2 20", "delete 2"), events);
            assertEquals(List.of(1L, 2L, 3L), sequences);
            assertEquals(3, gateway.bookPublisher().sequence());
        }
        finally
        {
            CloseHelper.close(aeron);
        }
    }
}
