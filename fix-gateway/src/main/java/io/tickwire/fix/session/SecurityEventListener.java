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

/**
 * Hears the gateway's security events with their context, for an operator's log (the {@code gateway} command
 * prints them) and for tests. Every event is also counted in {@link GatewayCounters} whether or not anyone listens.
 * <p>
 * Called on QuickFIX/J's I/O threads, its session thread and the logon timer thread: implementations must be
 * thread safe and quick (they run on the threads that serve other connections).
 */
public interface SecurityEventListener
{
    /**
     * Listens to nothing.
     */
    SecurityEventListener NO_OP = new SecurityEventListener()
    {
    };

    /**
     * The gateway closed a connection that had not logged on.
     *
     * @param reason        why.
     * @param remoteAddress the peer, {@code /ip:port}.
     * @param bytesReceived bytes it had sent.
     * @param elapsedMs     milliseconds since it connected.
     */
    default void onPreLogonClose(
        final PreLogonCloseReason reason, final String remoteAddress, final long bytesReceived, final long elapsedMs)
    {
    }

    /**
     * A ResendRequest over the session's limit was refused (not served) and the session logged out.
     *
     * @param sessionId the session.
     * @param text      the Text (58) of the Logout.
     */
    default void onResendRequestRefused(final String sessionId, final String text)
    {
    }

    /**
     * A store the gateway writes before it acknowledges (audit journal, FIX session store) failed a write: new orders
     * are refused until it recovers; acknowledgements whose records it could not write are held.
     *
     * @param store  {@code audit store} or {@code session store}.
     * @param detail the cause (errno name), the path and the exception.
     */
    default void onStoreUnavailable(final String store, final String detail)
    {
    }

    /**
     * A store that was unavailable took a write again: held records are written, new orders accepted.
     *
     * @param store             {@code audit store} or {@code session store}.
     * @param unavailableMillis how long it was unavailable.
     */
    default void onStoreRecovered(final String store, final long unavailableMillis)
    {
    }

    /**
     * A Logon was refused; QuickFIX/J answers it with a Logout carrying {@code text} and disconnects.
     *
     * @param refusal       why.
     * @param username      Username (553) as sent, or null.
     * @param remoteAddress the peer's IP address.
     * @param text          the Text (58) of the Logout.
     * @param lockoutMs     milliseconds of the lockout this refusal started or is serving, 0 for none.
     */
    default void onLogonRefused(
        final LogonRefusal refusal,
        final String username,
        final String remoteAddress,
        final String text,
        final long lockoutMs)
    {
    }
}
