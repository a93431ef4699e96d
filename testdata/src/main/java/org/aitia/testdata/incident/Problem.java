package org.aitia.testdata.incident;

import java.nio.file.Path;

/**
 * One thing wrong with an incident folder.
 *
 * @param file the file it is in
 * @param line 1-based line number, or 0 when the problem is about the whole file
 * @param message what is wrong
 */
public record Problem(Path file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
