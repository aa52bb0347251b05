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
package io.tickwire.feed.client;

/**
 * The subscriber's latency stages: a tick from the handler's publication to the client's book.
 */
public final class ClientStages
{
    /**
     * Publish timestamp in the message to the subscriber's receive (crosses processes: needs comparable clocks).
     */
    public static final String PUBLISH_TO_RECEIVE = "publish->receive";

    /**
     * Subscriber receive to the book updated.
     */
    public static final String RECEIVE_TO_BOOK = "receive->book";

    private ClientStages()
    {
    }
}
