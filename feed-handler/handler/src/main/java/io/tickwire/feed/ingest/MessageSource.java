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
package io.tickwire.feed.ingest;

/**
 * A source of framed ITCH messages (a BinaryFILE, a pcap capture, a live MoldUDP64 stream, the simulator),
 * polled from an agent's duty cycle.
 * <p>
 * Framing is a source's concern; decoding the message body is not. Malformed framing is reported to the source's
 * {@link MalformedInputListener} and skipped without losing the framing of what follows.
 */
public interface MessageSource extends AutoCloseable
{
    /**
     * Name of the source for status lines and error reports, e.g. the file path or {@code host:port}.
     *
     * @return the name of the source.
     */
    String name();

    /**
     * Deliver at most {@code limit} messages to the handler.
     *
     * @param handler to receive the messages.
     * @param limit   maximum number of messages to deliver in this call.
     * @return the number of messages delivered, for the caller's idle strategy.
     */
    int poll(MessageHandler handler, int limit);

    /**
     * Has the source delivered everything it will ever deliver (end of file, MoldUDP64 end of session)?
     *
     * @return true when no more messages will come.
     */
    boolean isExhausted();

    /**
     * Release files and sockets. Does not throw checked exceptions.
     */
    void close();
}
