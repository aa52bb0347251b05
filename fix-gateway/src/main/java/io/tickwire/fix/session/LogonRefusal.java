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
 * Why a Logon was refused, as reported to {@link SecurityEventListener#onLogonRefused}.
 */
public enum LogonRefusal
{
    /**
     * Username (553) or Password (554) absent.
     */
    MISSING_CREDENTIALS,

    /**
     * Unknown user or wrong password (not told apart, to the client or in timing).
     */
    BAD_CREDENTIALS,

    /**
     * Correct password, but the session is configured for another user ({@code TickwireUsername}).
     */
    NOT_PERMITTED,

    /**
     * Refused without checking the password: the user or the remote address is locked out after repeated failures.
     */
    LOCKED_OUT,

    /**
     * Refused without checking the password: too many logons were waiting for the {@link LogonVerifier}.
     */
    VERIFIER_BUSY,

    /**
     * Refused: no verification was found for the Logon's exact credentials on its connection (the connection closed
     * while it waited, or the Logon did not pass the {@link LogonVerifier}). Not counted as a failed password.
     */
    NOT_VERIFIED
}
