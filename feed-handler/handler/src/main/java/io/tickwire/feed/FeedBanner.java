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
package io.tickwire.feed;

import io.tickwire.agent.ThreadPlan;

/**
 * The start-up banner of a {@link FeedHandler}: where it publishes, which driver, the sources with their rings,
 * pacing, snapshots, recording and the thread plan, so an operator sees at a glance what runs where.
 */
final class FeedBanner
{
    private FeedBanner()
    {
    }

    /**
     * Describe a started feed handler.
     *
     * @param ctx            concluded configuration.
     * @param sessionId      of the publication.
     * @param snapshotStatus the snapshot server's endpoints, "off", or why it is not running.
     * @param threadPlan     the threads running.
     * @return printable lines, the last without a line separator.
     */
    static String describe(
        final FeedHandlerContext ctx, final int sessionId, final String snapshotStatus, final ThreadPlan threadPlan)
    {
        final String nl = System.lineSeparator();
        final StringBuilder sb = new StringBuilder();
        sb.append("tickwire feed publisher").append(nl);
        sb.append("  channel    ").append(ctx.channel).append(nl);
        sb.append("  stream id  ").append(ctx.streamId).append("  session id ").append(sessionId)
            .append(nl);
        sb.append("  aeron dir  ").append(ctx.aeronDirectoryName)
            .append(ctx.embeddedDriver() ? " (embedded driver, deleted on exit)" : " (external driver)").append(nl);
        for (int i = 0; i < ctx.sources.size(); i++)
        {
            final FeedSource source = ctx.sources.get(i);
            sb.append("  source     ingest-").append(i).append(": ").append(source.name())
                .append(" (ring ").append(ctx.ringCapacity / 1024).append(" KiB, when full: ")
                .append(source.ringFullPolicy()).append(')').append(nl);
            if (null != source.venue())
            {
                sb.append("  venue      ingest-").append(i).append(": ").append(source.venue()).append(nl);
            }
        }
        sb.append("  rate       ").append(0 == ctx.ratePerSecond ? "max" : ctx.ratePerSecond + " msgs/s")
            .append(nl);
        sb.append("  snapshots  ").append(snapshotStatus).append(nl);
        sb.append("  recording  ").append(null == ctx.recordingDir ? "off" : ctx.recordingDir.getAbsolutePath())
            .append(nl);
        sb.append("  threads    ").append(threadPlan.describe());
        return sb.toString();
    }
}
