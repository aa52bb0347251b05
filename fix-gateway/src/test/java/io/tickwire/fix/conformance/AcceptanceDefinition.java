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
package io.tickwire.fix.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One QuickFIX acceptance definition ({@code .def}): a list of steps, one per line.
 * <pre>
 * # comment                  ignored, as are blank lines
 * iCONNECT / i2,CONNECT      client (default 1) connects
 * eDISCONNECT / e2,DISCONNECT expect the server to close the client's connection
 * I[n,]msg                   send msg (TIME substituted, BodyLength and CheckSum added when absent)
 * E[n,]msg                   expect msg
 * anything else              sent raw on client 1
 * </pre>
 */
final class AcceptanceDefinition
{
    private static final Pattern CLIENT_PREFIX = Pattern.compile("^(\\d+),(.*)$", Pattern.DOTALL);

    enum Kind
    {
        CONNECT, EXPECT_DISCONNECT, SEND, EXPECT, SEND_RAW
    }

    record Step(int lineNumber, Kind kind, int client, String text)
    {
    }

    private final Path file;
    private final List<Step> steps;

    private AcceptanceDefinition(final Path file, final List<Step> steps)
    {
        this.file = file;
        this.steps = steps;
    }

    static AcceptanceDefinition parse(final Path file) throws IOException
    {
        final String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        final List<Step> steps = new ArrayList<>();
        final String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++)
        {
            String line = lines[i];
            if (line.endsWith("\r"))
            {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }

            final char kind = line.charAt(0);
            int client = 1;
            String rest = line.substring(1);
            final Matcher matcher = CLIENT_PREFIX.matcher(rest);
            if ("iIeE".indexOf(kind) >= 0 && matcher.matches())
            {
                client = Integer.parseInt(matcher.group(1));
                rest = matcher.group(2);
            }

            if ('i' == kind && "CONNECT".equals(rest.trim()))
            {
                steps.add(new Step(i + 1, Kind.CONNECT, client, rest));
            }
            else if ('e' == kind && "DISCONNECT".equals(rest.trim()))
            {
                steps.add(new Step(i + 1, Kind.EXPECT_DISCONNECT, client, rest));
            }
            else if ('I' == kind)
            {
                steps.add(new Step(i + 1, Kind.SEND, client, rest));
            }
            else if ('E' == kind)
            {
                steps.add(new Step(i + 1, Kind.EXPECT, client, rest));
            }
            else
            {
                steps.add(new Step(i + 1, Kind.SEND_RAW, 1, line));
            }
        }

        return new AcceptanceDefinition(file, steps);
    }

    Path file()
    {
        return file;
    }

    List<Step> steps()
    {
        return steps;
    }
}
