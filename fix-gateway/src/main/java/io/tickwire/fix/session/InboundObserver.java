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
package io.tickwire.fix.session;

import io.tickwire.fix.time.MessageStamp;
import quickfix.Message;
import quickfix.SessionID;

/**
 * Sees every inbound message right after it is stamped, on the session thread: the hook for the audit trail.
 * Must not block; must copy whatever it keeps (the stamp is reused).
 */
@FunctionalInterface
public interface InboundObserver
{
    /**
     * An observer that records nothing.
     */
    InboundObserver NO_OP = (sessionId, message, stamp) -> {};

    /**
     * @param sessionId the session the message arrived on.
     * @param message   the decoded message.
     * @param stamp     its receive stamp.
     */
    void onInbound(SessionID sessionId, Message message, MessageStamp stamp);

    /**
     * A message QuickFIX/J is about to send ({@code toApp}/{@code toAdmin}: header complete), on whichever
     * thread sends it. Default: nothing.
     *
     * @param sessionId the session it is sent on.
     * @param message   the message.
     */
    default void onOutbound(SessionID sessionId, Message message)
    {
    }
}
