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
package io.tickwire.perf.report;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads HdrHistogram interval logs into {@link Series}: one series per tag per file. A series is named by its
 * tag; when the same tag appears in several files, by {@code <file name>:<tag>} so that runs stay apart.
 * Untagged lines form a series named after the file.
 */
public final class HlogLoader
{
    private HlogLoader()
    {
    }

    /**
     * Expand arguments into log files: a directory stands for the {@code *.hlog} files in it (sorted by name).
     *
     * @param paths files or directories.
     * @return the log files.
     * @throws IOException if a directory cannot be listed or a file does not exist.
     */
    public static List<Path> expand(final List<Path> paths) throws IOException
    {
        final List<Path> files = new ArrayList<>();
        for (final Path path : paths)
        {
            if (Files.isDirectory(path))
            {
                try (Stream<Path> list = Files.list(path))
                {
                    list.filter((p) -> p.getFileName().toString().endsWith(".hlog")).sorted().forEach(files::add);
                }
            }
            else if (Files.isRegularFile(path))
            {
                files.add(path);
            }
            else
            {
                throw new IOException("no such log file or directory: " + path);
            }
        }

        return files;
    }

    /**
     * Load every tag of every file.
     *
     * @param files interval logs.
     * @return the series, in file order then first-appearance order of tags.
     * @throws IOException if a file cannot be read or holds a histogram that is not an integer histogram.
     */
    public static List<Series> load(final List<Path> files) throws IOException
    {
        final Map<String, Integer> filesPerTag = new HashMap<>();
        final List<Map<String, List<Histogram>>> perFile = new ArrayList<>();
        for (final Path file : files)
        {
            final Map<String, List<Histogram>> byTag = read(file);
            perFile.add(byTag);
            for (final String tag : byTag.keySet())
            {
                filesPerTag.merge(tag, 1, Integer::sum);
            }
        }

        final List<Series> series = new ArrayList<>();
        for (int i = 0; i < files.size(); i++)
        {
            final String fileName = files.get(i).getFileName().toString();
            for (final Map.Entry<String, List<Histogram>> entry : perFile.get(i).entrySet())
            {
                final String tag = entry.getKey();
                final String name;
                if (tag.isEmpty())
                {
                    name = stem(fileName);
                }
                else
                {
                    name = filesPerTag.get(tag) > 1 ? stem(fileName) + ":" + tag : tag;
                }
                final Series s = new Series(name, fileName + (tag.isEmpty() ? "" : " Tag=" + tag));
                for (final Histogram histogram : entry.getValue())
                {
                    s.add(histogram);
                }
                series.add(s);
            }
        }

        return series;
    }

    private static Map<String, List<Histogram>> read(final Path file) throws IOException
    {
        final Map<String, List<Histogram>> byTag = new LinkedHashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try
        {
            EncodableHistogram encodable;
            while (null != (encodable = reader.nextIntervalHistogram()))
            {
                if (!(encodable instanceof Histogram))
                {
                    throw new IOException(file + ": only integer-valued histograms are supported, found " +
                        encodable.getClass().getSimpleName());
                }
                final String tag = null == encodable.getTag() ? "" : encodable.getTag();
                byTag.computeIfAbsent(tag, (t) -> new ArrayList<>()).add((Histogram)encodable);
            }
        }
        catch (final RuntimeException ex)
        {
            throw new IOException(file + ": not a readable HdrHistogram interval log: " + ex, ex);
        }
        finally
        {
            reader.close();
        }

        return byTag;
    }

    private static String stem(final String fileName)
    {
        return fileName.endsWith(".hlog") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }
}
