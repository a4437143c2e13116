package dev.skillsync.skillsapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/** Collects every log record of this package, at every level, while open. */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("dev.skillsync.skillsapi");
    private final Level previousLevel = logger.getLevel();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Each record's formatted message, followed by its raw format and parameters. */
    List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void publish(LogRecord record) {
        String formatted =
                record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatter.formatMessage(record);
        lines.add(formatted + " | " + record.getMessage() + " | " + Arrays.toString(record.getParameters()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
