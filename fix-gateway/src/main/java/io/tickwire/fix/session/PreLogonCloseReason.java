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
 * Why the gateway closed a connection that had not logged on: the key of the per-reason counters in
 * {@link GatewayCounters} and of {@link SecurityEventListener#onPreLogonClose}.
 */
public enum PreLogonCloseReason
{
    /**
     * No accepted Logon within {@code TickwireLogonTimeoutMs} of connecting.
     */
    LOGON_TIMEOUT("no logon within the logon timeout"),

    /**
     * More than {@code TickwirePreLogonMaxBytes} received before the Logon was accepted.
     */
    BYTE_LIMIT("more bytes than allowed before logon"),

    /**
     * A message header that is not {@code 8=...SOH 9=digits SOH} within its first 64 bytes.
     */
    MALFORMED_HEADER("malformed or unterminated message header before logon"),

    /**
     * A BodyLength (9) above {@code TickwireMaxMessageSize} before logon, when there is no session to reject on.
     */
    OVERSIZED_MESSAGE("BodyLength above the maximum message size before logon"),

    /**
     * Accepted while {@code TickwireMaxConnections} connections were open: closed at once, before it sent anything.
     */
    CONNECTION_LIMIT("over the maximum number of open connections");

    private final String description;

    PreLogonCloseReason(final String description)
    {
        this.description = description;
    }

    /**
     * @return what happened, for logs and the status line.
     */
    public String description()
    {
        return description;
    }
}
