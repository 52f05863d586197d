package io.connlab.ui.model;

import java.nio.file.Path;

/** Writes the current run's results; called on a background thread. */
public interface ResultsSaver {

    void saveJson(Path file) throws Exception;

    void saveCsv(Path file) throws Exception;
}
