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

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;

/**
 * Decides a Logon on QuickFIX/J's session thread from the verdict the {@link LogonVerifier} made for it off that
 * thread: the session thread reads a verdict (microseconds) and never hashes a password.
 * <p>
 * The rules are the gateway's logon rules: a locked-out user or address is refused first ({@link LogonThrottle}),
 * then a Logon without Username (553) and Password (554); a wrong password is a failure that counts towards a
 * lockout; a right one for a user the session is not configured for is refused. A Logon with no verdict for exactly
 * its credentials (the verifier did not see it) or one the verifier had no room for is refused without counting as a
 * failure. Every refusal is counted in {@link GatewayCounters}, written to the session's event log with user and
 * address, reported to the {@link SecurityEventListener} and answered by QuickFIX/J with a Logout carrying its text.
 */
final class LogonAuthenticator
{
    private static final int USERNAME = 553;
    private static final int PASSWORD = 554;

    private final GatewayCounters counters;
    private LogonThrottle throttle;
    private LogonVerifier verifier;
    private SecurityEventListener listener = SecurityEventListener.NO_OP;

    LogonAuthenticator(final GatewayCounters counters)
    {
        this.counters = counters;
    }

    void throttle(final LogonThrottle throttle)
    {
        this.throttle = throttle;
    }

    void verifier(final LogonVerifier verifier)
    {
        this.verifier = verifier;
    }

    void listener(final SecurityEventListener listener)
    {
        this.listener = listener;
    }

    /**
     * @param logon       the Logon.
     * @param sessionId   its session.
     * @param allowedUser the only user the session accepts, or null for any.
     * @throws RejectLogon when the logon is refused; QuickFIX/J answers with a Logout carrying the text.
     */
    void authenticate(final Message logon, final SessionID sessionId, final String allowedUser) throws RejectLogon
    {
        final String username = getOptional(logon, USERNAME);
        final String password = getOptional(logon, PASSWORD);
        final Session session = Session.lookupSession(sessionId);
        final String remoteAddress = null == session ? null : session.getRemoteAddress();
        final String address = null == remoteAddress ? null : GatewayApplication.ipOf(remoteAddress);
        // Taken before any check: a verdict answers one Logon.
        final LogonVerdict verdict = null == verifier ? null : verifier.take(remoteAddress, username, password);
        final long lockedOutMs = null == throttle ? 0 : throttle.lockedOutMs(username, address);
        if (lockedOutMs > 0)
        {
            refuseLockedOut(sessionId, username, address, lockedOutMs);
        }
        if (null == username || null == password)
        {
            fail(sessionId, LogonRefusal.MISSING_CREDENTIALS, username, address,
                "authentication failed: Username(553) and Password(554) required");
        }
        if (null == verdict)
        {
            counters.onLogonUnverified();
            refuse(sessionId, LogonRefusal.NOT_VERIFIED, username, address,
                "authentication refused: the logon was not verified, log on again", 0);
        }
        switch (verdict.outcome)
        {
            case BUSY:
                counters.onLogonRefusedBusy();
                refuse(sessionId, LogonRefusal.VERIFIER_BUSY, username, address,
                    "authentication refused: too many logons waiting for verification, retry later", 0);
                break;
            case LOCKED_OUT:
                // Locked out when the verifier came to it (the lockout may have ended since): not hashed.
                refuseLockedOut(sessionId, username, address, verdict.lockedOutMs);
                break;
            case MATCH:
                break;
            default:
                fail(sessionId, LogonRefusal.BAD_CREDENTIALS, username, address,
                    "authentication failed: invalid username or password");
                break;
        }
        if (null != allowedUser && !allowedUser.equals(username))
        {
            fail(sessionId, LogonRefusal.NOT_PERMITTED, username, address,
                "authentication failed: user not permitted on this session");
        }
        if (null != throttle)
        {
            throttle.onSuccess(username, address);
        }
    }

    private void refuseLockedOut(
        final SessionID sessionId, final String username, final String address, final long lockedOutMs)
        throws RejectLogon
    {
        counters.onLogonRefusedLockedOut();
        final long seconds = (lockedOutMs + 999) / 1000;
        refuse(sessionId, LogonRefusal.LOCKED_OUT, username, address, "authentication refused: locked out " +
            "after repeated failed logons, retry in " + seconds + " s", lockedOutMs);
    }

    private void fail(
        final SessionID sessionId,
        final LogonRefusal refusal,
        final String username,
        final String address,
        final String text) throws RejectLogon
    {
        counters.onLogonFailure();
        final long lockoutMs = null == throttle ? 0 : throttle.onFailure(username, address);
        if (lockoutMs > 0)
        {
            counters.onLogonLockout();
        }
        refuse(sessionId, refusal, username, address, text, lockoutMs);
    }

    private void refuse(
        final SessionID sessionId,
        final LogonRefusal refusal,
        final String username,
        final String address,
        final String text,
        final long lockoutMs) throws RejectLogon
    {
        final Session session = Session.lookupSession(sessionId);
        if (null != session)
        {
            session.getLog().onWarnEvent("logon refused (" + refusal + ") user=" + username + " address=" + address +
                (lockoutMs > 0 ? " lockout " + lockoutMs + " ms" : "") + ": " + text);
        }
        listener.onLogonRefused(refusal, username, address, text, lockoutMs);
        throw new RejectLogon(text);
    }

    private static String getOptional(final Message message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }
}
