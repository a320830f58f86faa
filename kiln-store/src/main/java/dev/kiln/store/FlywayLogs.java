package dev.kiln.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway logger factory that keeps schema migration quiet: Flyway's progress messages go to SLF4J at debug,
 * its warnings and errors at warn and error.
 *
 * <p>Public only because Flyway instantiates it by class name (its {@code loggers} setting); callers have no
 * use for it.
 */
public final class FlywayLogs implements LogCreator {
    /** Creates the factory; called by Flyway. */
    public FlywayLogs() {
    }

    @Override
    public Log createLogger(Class<?> type) {
        return new QuietLog(LoggerFactory.getLogger(type));
    }

    private static final class QuietLog implements Log {
        private final Logger logger;

        QuietLog(Logger logger) {
            this.logger = logger;
        }

        @Override
        public void debug(String message) {
            logger.debug(message);
        }

        @Override
        public void info(String message) {
            logger.debug(message);
        }

        @Override
        public void notice(String message) {
            logger.debug(message);
        }

        @Override
        public void warn(String message) {
            logger.warn(message);
        }

        @Override
        public void error(String message) {
            logger.error(message);
        }

        @Override
        public void error(String message, Exception e) {
            logger.error(message, e);
        }
    }
}
