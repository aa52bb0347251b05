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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Looks at the report as a person would: renders it with headless chromium and checks that the screenshot
 * shows charts (non-white pixels, and pixels in the colour of the first series).
 */
@Timeout(420)
class ReportRenderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRenderTheReportInAHeadlessBrowser() throws Exception
    {
        final String chromium = HeadlessChromium.locateOrInstall();
        Assumptions.assumeFalse(chromium.startsWith("unavailable:"), chromium + ": skipping the render check");

        final ReportFixtures fixtures = new ReportFixtures();
        fixtures.writeLog(dir);
        final List<Series> series = HlogLoader.load(HlogLoader.expand(List.of(dir)));
        final Path out = dir.resolve("out");
        LatencyReport.write(out, "Render check", Map.of("inputs", "fixture.hlog"),
            List.of(new LatencyReport.Group("Fixture", series)));

        final Path png = dir.resolve("report.png");
        final Path profile = Files.createDirectories(dir.resolve("profile"));
        final int exit = HeadlessChromium.screenshot(chromium, out.resolve(LatencyReport.HTML_FILE), png, profile);
        assertEquals(0, exit, () -> "chromium exit code; log: " + read(profile.resolve("chromium.log")));
        assertTrue(Files.size(png) > 20_000, "a screenshot of charts is more than a blank page");

        // Keep a copy where a developer can look at it.
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);

        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1200, image.getWidth());
        long nonWhite = 0;
        long firstSeriesColour = 0;
        final int blue = Integer.parseInt(Svg.colour(0).substring(1), 16);
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                final int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF)
                {
                    nonWhite++;
                }
                if (close(rgb, blue))
                {
                    firstSeriesColour++;
                }
            }
        }
        final long pixels = (long)image.getWidth() * image.getHeight();
        assertTrue(nonWhite > pixels / 100, "at least 1% of the page is drawn: " + nonWhite + " of " + pixels);
        assertTrue(firstSeriesColour > 500, "the first series' line is visible: " + firstSeriesColour + " pixels");
    }

    private static boolean close(final int rgb, final int target)
    {
        for (int shift = 0; shift <= 16; shift += 8)
        {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((target >> shift) & 0xFF)) > 24)
            {
                return false;
            }
        }

        return true;
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final Exception ex)
        {
            return ex.toString();
        }
    }
}
