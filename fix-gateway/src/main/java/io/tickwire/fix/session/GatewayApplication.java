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

import io.tickwire.fix.risk.PreTradeRisk;
import io.tickwire.fix.risk.ReferencePriceSource;
import io.tickwire.fix.risk.RiskLimits;
import io.tickwire.fix.time.MessageStamp;
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.SessionCancelCommandEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.FieldNotFound;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.UnsupportedMessageType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's QuickFIX/J application: logon authentication, the receive stamp, and dispatch of order entry
 * messages to {@link OrderEntry}.
 * <p>
 * <b>Stamping point.</b> The first statement of {@link #fromApp} and of {@link #fromAdmin} takes the receive
 * stamp, once per inbound message, through the {@link MessageStamper}; the {@link InboundObserver} (audit) sees
 * the message and its stamp next. Both run on QuickFIX/J's single message-processing thread
 * ({@code SocketAcceptor}), which is therefore the one writer of the command ring.
 * <p>
 * Logouts and disconnects arrive on QuickFIX/J's I/O and timer threads, so cancel-on-disconnect goes through a
 * separate many-writer control ring rather than the command ring.
 * <p>
 * <b>Logon.</b> Username/Password are verified ({@link CredentialStore}, PBKDF2, about 150 ms of CPU at the default
 * iterations) by the {@link LogonVerifier}, off the session thread and before QuickFIX/J sees the Logon; here the
 * {@link LogonAuthenticator} only reads its verdict, so a logon does not stop the other sessions' messages. A
 * {@link LogonThrottle} refuses logons of a locked-out user or address before hashing; every refusal is counted,
 * written to the session's event log with user and address, and reported to the {@link SecurityEventListener}.
 */
public final class GatewayApplication implements Application
{
    /**
     * Session setting: user name the session must log on with (optional).
     */
    public static final String SETTING_USERNAME = "TickwireUsername";

    /**
     * Session setting: largest OrderQty.
     */
    public static final String SETTING_MAX_ORDER_QTY = "TickwireMaxOrderQty";

    /**
     * Session setting: largest notional (quantity times price).
     */
    public static final String SETTING_MAX_NOTIONAL = "TickwireMaxNotional";

    /**
     * Session setting: price collar in basis points of the reference price.
     */
    public static final String SETTING_PRICE_COLLAR_BPS = "TickwirePriceCollarBps";

    /**
     * Session setting: order entry requests per second.
     */
    public static final String SETTING_MAX_ORDERS_PER_SECOND = "TickwireMaxOrdersPerSecond";

    /**
     * Session setting: cancel live orders on logout or disconnect (Y/N).
     */
    public static final String SETTING_CANCEL_ON_DISCONNECT = "TickwireCancelOnDisconnect";

    /**
     * Session setting: start with the kill switch engaged (Y/N).
     */
    public static final String SETTING_KILL_SWITCH = "TickwireKillSwitch";

    /**
     * Session setting: how many of its most recent ClOrdIDs the session keeps (33 to 57 bytes each, 40 at a power
     * of two, allocated when the session is created); older ones are checked and looked up by the matching engine.
     */
    public static final String SETTING_CLORDID_WINDOW = "TickwireClOrdIdWindow";

    /**
     * Default of {@link #SETTING_CLORDID_WINDOW}: 2^18 ids (10 MiB a session), more than the engine retains
     * finished orders by default, and over two minutes of ids at 2,000 orders a second.
     */
    public static final int CLORDID_WINDOW_DEFAULT = 1 << 18;

    /**
     * Largest {@link #SETTING_CLORDID_WINDOW}: the index's table must stay addressable by an int.
     */
    public static final int CLORDID_WINDOW_MAX = 1 << 26;

    private final SessionSettings settings;
    private final CredentialStore credentials;
    private final MessageStamper stamper;
    private final InboundObserver observer;
    private final OrderEntry orderEntry;
    private final ReferencePriceSource referencePrices;
    private final GatewayCounters counters;
    private final RingBuffer control;
    private final MessageStamp stamp = new MessageStamp();
    private final LogonAuthenticator authenticator;
    private LogonThrottle throttle;
    private LogonVerifier verifier;
    private SecurityEventListener securityListener = SecurityEventListener.NO_OP;
    private ResendThrottle resendThrottle;
    // Written under this object's lock by onCreate (QuickFIX/J's start-up and I/O threads), read without it by
    // fromApp on the session thread: a concurrent map publishes each state safely and its get allocates nothing.
    private final Map<SessionID, SessionState> states = new ConcurrentHashMap<>();
    private final List<SessionState> byIndex = new ArrayList<>();

    /**
     * @param settings        the QuickFIX/J settings (read for per-session limits).
     * @param credentials     logon credentials, or null to accept any logon.
     * @param stamper         receive stamper.
     * @param observer        inbound observer (audit).
     * @param orderEntry      order entry on the session thread.
     * @param referencePrices reference prices for the price collar.
     * @param counters        counters.
     * @param control         the many-writer control ring to the engine.
     */
    public GatewayApplication(
        final SessionSettings settings,
        final CredentialStore credentials,
        final MessageStamper stamper,
        final InboundObserver observer,
        final OrderEntry orderEntry,
        final ReferencePriceSource referencePrices,
        final GatewayCounters counters,
        final RingBuffer control)
    {
        this.settings = settings;
        this.credentials = credentials;
        this.stamper = stamper;
        this.observer = observer;
        this.orderEntry = orderEntry;
        this.referencePrices = referencePrices;
        this.counters = counters;
        this.control = control;
        authenticator = new LogonAuthenticator(counters);
    }

    /**
     * Refuse logons for users and addresses with repeated failures. Set before the acceptor starts.
     *
     * @param throttle the throttle, or null for none.
     * @return this.
     */
    public GatewayApplication logonThrottle(final LogonThrottle throttle)
    {
        this.throttle = throttle;
        authenticator.throttle(throttle);
        return this;
    }

    /**
     * Where Logon passwords are verified, off the session thread. Set before the acceptor starts; with credentials
     * and no verifier every Logon is refused ({@link LogonRefusal#NOT_VERIFIED}): the session thread never hashes.
     *
     * @param verifier the verifier, the filter in front of QuickFIX/J that makes the verdicts read here.
     * @return this.
     */
    public GatewayApplication logonVerifier(final LogonVerifier verifier)
    {
        this.verifier = verifier;
        authenticator.verifier(verifier);
        return this;
    }

    /**
     * @return the logon verifier, or null.
     */
    public LogonVerifier logonVerifier()
    {
        return verifier;
    }

    /**
     * Limit ResendRequests per session; a session over the limit is logged out. Set before the acceptor starts.
     *
     * @param throttle the limit, or null for none.
     * @return this.
     */
    public GatewayApplication resendThrottle(final ResendThrottle throttle)
    {
        this.resendThrottle = throttle;
        return this;
    }

    /**
     * @return the ResendRequest limit, or null.
     */
    public ResendThrottle resendThrottle()
    {
        return resendThrottle;
    }

    /**
     * @return the logon throttle, or null.
     */
    public LogonThrottle logonThrottle()
    {
        return throttle;
    }

    /**
     * Where refused logons are reported. Set before the acceptor starts.
     *
     * @param listener the listener.
     * @return this.
     */
    public GatewayApplication securityEventListener(final SecurityEventListener listener)
    {
        this.securityListener = null == listener ? SecurityEventListener.NO_OP : listener;
        authenticator.listener(securityListener);
        return this;
    }

    /**
     * @param index session index.
     * @return its state, or null.
     */
    public synchronized SessionState sessionState(final int index)
    {
        return index < byIndex.size() ? byIndex.get(index) : null;
    }

    /**
     * @param sessionId session id.
     * @return its state, or null.
     */
    public synchronized SessionState sessionState(final SessionID sessionId)
    {
        return states.get(sessionId);
    }

    /**
     * @return number of sessions created.
     */
    public synchronized int sessionCount()
    {
        return byIndex.size();
    }

    /**
     * {@inheritDoc}
     */
    public synchronized void onCreate(final SessionID sessionId)
    {
        try
        {
            final RiskLimits limits = new RiskLimits()
                .maxOrderQuantity(getLong(sessionId, SETTING_MAX_ORDER_QTY, 1_000_000))
                .maxNotional(getDouble(sessionId, SETTING_MAX_NOTIONAL, 0))
                .priceCollarBps(getLong(sessionId, SETTING_PRICE_COLLAR_BPS, 0))
                .maxOrdersPerSecond((int)getLong(sessionId, SETTING_MAX_ORDERS_PER_SECOND, 0))
                .cancelOnDisconnect(getBool(sessionId, SETTING_CANCEL_ON_DISCONNECT, true))
                .killSwitch(getBool(sessionId, SETTING_KILL_SWITCH, false));
            final String username = settings.isSetting(sessionId, SETTING_USERNAME) ?
                settings.getString(sessionId, SETTING_USERNAME) : null;
            final SessionState state = new SessionState(byIndex.size(), sessionId,
                new PreTradeRisk(limits, referencePrices), username,
                (int)getLong(sessionId, SETTING_CLORDID_WINDOW, CLORDID_WINDOW_DEFAULT));
            states.put(sessionId, state);
            byIndex.add(state);
        }
        catch (final ConfigError | FieldConvertError ex)
        {
            throw new IllegalArgumentException("session " + sessionId + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onLogon(final SessionID sessionId)
    {
    }

    /**
     * Cancel-on-disconnect: called on a QuickFIX/J I/O or timer thread, hence the control ring.
     *
     * @param sessionId the session that logged out or dropped.
     */
    public void onLogout(final SessionID sessionId)
    {
        final SessionState state = sessionState(sessionId);
        if (null != state && state.risk().limits().cancelOnDisconnect())
        {
            cancelAll(state);
        }
    }

    /**
     * Cancel every live order of a session (kill switch, cancel-on-disconnect). Any thread.
     *
     * @param state the session.
     */
    public void cancelAll(final SessionState state)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocate(64));
        final SessionCancelCommandEncoder encoder = new SessionCancelCommandEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .correlationId(0)
            .receiveNanos(System.nanoTime())
            .sessionIndex(state.index());
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        while (!control.write(SessionCancelCommandEncoder.TEMPLATE_ID, buffer, 0, length))
        {
            Thread.yield();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void toAdmin(final Message message, final SessionID sessionId)
    {
        observer.onOutbound(sessionId, message);
    }

    /**
     * Stamping point for session-level messages; authenticates Logon.
     *
     * @param message   inbound admin message.
     * @param sessionId its session.
     * @throws RejectLogon when the logon fails authentication; QuickFIX/J answers with a Logout carrying the text.
     */
    public void fromAdmin(final Message message, final SessionID sessionId) throws RejectLogon, IncorrectTagValue
    {
        stamper.stamp(stamp);
        observer.onInbound(sessionId, message, stamp);
        final String msgType = msgType(message);
        if ("A".equals(msgType))
        {
            authenticate(message, sessionId);
        }
        else if ("2".equals(msgType) && null != resendThrottle && !resendThrottle.allow(sessionId))
        {
            refuseResend(sessionId);
        }
    }

    /**
     * Not served, and the session logged out with the reason: QuickFIX/J answers the thrown exception with a session
     * Reject of the ResendRequest instead of resending.
     */
    private void refuseResend(final SessionID sessionId) throws IncorrectTagValue
    {
        final String text = "too many ResendRequests: more than " + resendThrottle.maxRequests() + " in " +
            resendThrottle.windowMs() + " ms";
        counters.onResendRequestRefused();
        securityListener.onResendRequestRefused(sessionId.toString(), text);
        final Session session = Session.lookupSession(sessionId);
        if (null != session && session.isLoggedOn())
        {
            session.logout(text);
        }
        throw new IncorrectTagValue(7);
    }

    /**
     * {@inheritDoc}
     */
    public void toApp(final Message message, final SessionID sessionId)
    {
        observer.onOutbound(sessionId, message);
    }

    /**
     * Stamping point for application messages, then dispatch by MsgType.
     *
     * @param message   inbound application message.
     * @param sessionId its session.
     * @throws FieldNotFound          a required field is missing: QuickFIX/J sends a session Reject.
     * @throws UnsupportedMessageType not an order entry message: QuickFIX/J sends a BusinessMessageReject.
     */
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectTagValue, UnsupportedMessageType
    {
        stamper.stamp(stamp);
        observer.onInbound(sessionId, message, stamp);
        final SessionState state = states.get(sessionId);
        final String msgType = message.getHeader().getString(35);
        if (msgType.length() != 1 || null == state)
        {
            throw new UnsupportedMessageType();
        }
        switch (msgType.charAt(0))
        {
            case 'D':
                orderEntry.onNewOrderSingle(message, state, stamp);
                break;
            case 'F':
                orderEntry.onOrderCancelRequest(message, state, stamp);
                break;
            case 'G':
                orderEntry.onOrderCancelReplaceRequest(message, state, stamp);
                break;
            case 'H':
                orderEntry.onOrderStatusRequest(message, state, stamp);
                break;
            default:
                throw new UnsupportedMessageType();
        }
    }

    private void authenticate(final Message logon, final SessionID sessionId) throws RejectLogon
    {
        if (null == credentials)
        {
            return;
        }
        final SessionState state = sessionState(sessionId);
        authenticator.authenticate(logon, sessionId, null == state ? null : state.username());
    }

    /**
     * @param socketAddress {@code InetSocketAddress.toString()}: {@code host/ip:port} or {@code /ip:port}.
     * @return the ip.
     */
    static String ipOf(final String socketAddress)
    {
        final int slash = socketAddress.indexOf('/');
        final int colon = socketAddress.lastIndexOf(':');
        final int start = slash + 1;
        final int end = colon > start ? colon : socketAddress.length();
        return socketAddress.substring(start, end);
    }

    private static String msgType(final Message message)
    {
        try
        {
            return message.getHeader().getString(35);
        }
        catch (final FieldNotFound ex)
        {
            return "";
        }
    }

    private long getLong(final SessionID sessionId, final String key, final long defaultValue)
        throws ConfigError, FieldConvertError
    {
        return settings.isSetting(sessionId, key) ? settings.getLong(sessionId, key) : defaultValue;
    }

    private double getDouble(final SessionID sessionId, final String key, final double defaultValue)
        throws ConfigError, FieldConvertError
    {
        return settings.isSetting(sessionId, key) ? settings.getDouble(sessionId, key) : defaultValue;
    }

    private boolean getBool(final SessionID sessionId, final String key, final boolean defaultValue)
        throws ConfigError, FieldConvertError
    {
        return settings.isSetting(sessionId, key) ? settings.getBool(sessionId, key) : defaultValue;
    }
}
