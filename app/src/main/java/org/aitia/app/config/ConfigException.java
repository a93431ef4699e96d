package org.aitia.app.config;

/** A configuration that cannot be used; the message names the file, key or variable. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
