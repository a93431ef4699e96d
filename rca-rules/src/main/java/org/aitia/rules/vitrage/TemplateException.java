package org.aitia.rules.vitrage;

/** A template that Vitrage's validator refuses, with its status code. */
public final class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;

    public TemplateException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** Vitrage's status code ({@link StatusCode}). */
    public int code() {
        return code;
    }
}
