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
package io.tickwire.fix.cluster;
import io.aeron.ChannelUri;
import io.aeron.CommonContext;
import io.aeron.exceptions.ConfigurationException;
import io.aeron.logbuffer.LogBufferDescriptor;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import static io.tickwire.fix.cluster.ClusterMemberContext.NAME;

/**
 * The rules a {@link ClusterMemberContext} must satisfy before anything is started, each failing with a
 * {@link ConfigurationException} that names the setting: checked here so that a bad value fails before a driver and
 * an archive have been started and left behind, not deep inside Aeron's own {@code conclude()}.
 */
final class ClusterMemberChecks
{
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");

    private ClusterMemberChecks()
    {
    }

    /**
     * The host list names at least one valid host, the member id indexes it and every member's port block fits.
     *
     * @param hosts    of all members in member id order.
     * @param memberId of this member.
     * @param basePort first port of member 0.
     * @throws ConfigurationException naming the first invalid setting.
     */
    static void checkMembers(final List<String> hosts, final int memberId, final int basePort)
    {
        if (null == hosts || hosts.isEmpty())
        {
            throw new ConfigurationException(NAME + ".hosts must name at least one member");
        }
        for (final String host : hosts)
        {
            if (null == host || !HOST.matcher(host).matches())
            {
                throw new ConfigurationException(NAME + ".hosts: invalid host \"" + host + "\" in " + hosts);
            }
        }
        if (memberId < 0 || memberId >= hosts.size())
        {
            throw new ConfigurationException(NAME + ".memberId=" + memberId + " must index the host list of " +
                hosts.size() + " " + hosts);
        }

        final int lastPort = ClusterConfiguration.memberBasePort(basePort, hosts.size() - 1) +
            ClusterConfiguration.CATCHUP_PORT_OFFSET;
        if (basePort < 1 || lastPort > 65_535)
        {
            throw new ConfigurationException(NAME + ".basePort=" + basePort + " puts the ports of " + hosts.size() +
                " members outside 1-65535 (last would be " + lastPort + ")");
        }
    }

    /**
     * A log or ingress channel is a UDP Aeron URI; the ingress channel names no endpoint, because each member's
     * ingress endpoint comes from the host list.
     *
     * @param name    of the setting.
     * @param channel its value.
     * @throws ConfigurationException if it is not such a channel.
     */
    static void checkUdpChannel(final String name, final String channel)
    {
        final ChannelUri uri;
        try
        {
            uri = ChannelUri.parse(Objects.requireNonNull(channel, name));
        }
        catch (final RuntimeException ex)
        {
            throw new ConfigurationException(
                NAME + "." + name + " is not an Aeron URI: \"" + channel + "\": " + ex.getMessage());
        }
        if (!uri.isUdp())
        {
            throw new ConfigurationException(NAME + "." + name + " must be UDP media: \"" + channel + "\"");
        }
        if (uri.containsKey(CommonContext.ENDPOINT_PARAM_NAME) && "ingressChannel".equals(name))
        {
            throw new ConfigurationException(NAME + ".ingressChannel must not name an endpoint " +
                "(each member's ingress endpoint comes from the host list): \"" + channel + "\"");
        }
    }

    /**
     * @param termLength of the member driver's streams that name none.
     * @throws ConfigurationException unless a power of two from 64 KiB to 1 GiB.
     */
    static void checkTermLength(final int termLength)
    {
        try
        {
            LogBufferDescriptor.checkTermLength(termLength);
        }
        catch (final IllegalStateException ex)
        {
            throw new ConfigurationException(NAME + ".termLength: " + ex.getMessage());
        }
    }
}
