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
package io.tickwire.fix.audit;

import java.util.List;

/**
 * Result of checking a journal: a scan per file, every issue, and the number of valid records.
 *
 * @param files   scan per file, in the order checked.
 * @param issues  every issue found, in order; empty when the journal verifies.
 * @param records valid records across all files.
 */
public record JournalVerifyReport(List<JournalFileScan> files, List<JournalIssue> issues, long records)
{
    /**
     * @return true when every header, CRC, sequence and hash holds across all files.
     */
    public boolean isValid()
    {
        return issues.isEmpty();
    }

    /**
     * Does the journal verify except for a torn tail: exactly one issue, a truncation in the last file?
     * This is what a crash (kill -9, power loss) may leave; the part cut off was never reported durable.
     *
     * @return true when valid or only the tail of the last file is truncated.
     */
    public boolean isValidExceptTruncatedTail()
    {
        if (issues.isEmpty())
        {
            return true;
        }
        final JournalIssue issue = issues.get(0);
        return 1 == issues.size() &&
            JournalIssue.Kind.TRUNCATED == issue.kind() &&
            !files.isEmpty() &&
            files.get(files.size() - 1).file().equals(issue.file());
    }
}
