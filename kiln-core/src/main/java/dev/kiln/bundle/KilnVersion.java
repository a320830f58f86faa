package dev.kiln.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Kiln build, as recorded in bundles and runs. */
public final class KilnVersion {
    private static final String VERSION = load();

    private KilnVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = KilnVersion.class.getResourceAsStream("kiln.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
