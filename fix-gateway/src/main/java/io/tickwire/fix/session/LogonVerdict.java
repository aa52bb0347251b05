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
 * What the {@link LogonVerifier} found for one Logon, for the session thread to act on without hashing: made on a
 * verifier thread (or on the I/O thread when the verifier's queue is full) before the Logon is handed to
 * QuickFIX/J, read once by {@link LogonAuthenticator}. Carries the Username and Password it was made for: it
 * answers only a Logon that carries exactly those.
 */
final class LogonVerdict
{
    /**
     * The outcome.
     */
    enum Outcome
    {
        /**
         * The password matches the user's entry.
         */
        MATCH,

        /**
         * Unknown user or wrong password.
         */
        NO_MATCH,

        /**
         * Not hashed: the user or the address was locked out when the verifier came to it.
         */
        LOCKED_OUT,

        /**
         * Not hashed: Username or Password absent.
         */
        MISSING,

        /**
         * Not hashed: the verifier's queue was full.
         */
        BUSY
    }

    final String username;
    final String password;
    final Outcome outcome;
    final long lockedOutMs;

    LogonVerdict(final String username, final String password, final Outcome outcome, final long lockedOutMs)
    {
        this.username = username;
        this.password = password;
        this.outcome = outcome;
        this.lockedOutMs = lockedOutMs;
    }

    /**
     * @param username Username (553) QuickFIX/J parsed, or null.
     * @param password Password (554) QuickFIX/J parsed, or null.
     * @return whether this verdict was made for exactly these credentials.
     */
    boolean isFor(final String username, final String password)
    {
        return equal(this.username, username) && equal(this.password, password);
    }

    private static boolean equal(final String a, final String b)
    {
        return null == a ? null == b : a.equals(b);
    }
}
