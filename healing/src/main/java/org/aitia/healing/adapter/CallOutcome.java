package org.aitia.healing.adapter;

/**
 * What a VIM answered to one action, after retries.
 *
 * @param sent true when the VIM accepted the call
 * @param attempts how many calls were made
 * @param detail what the VIM said: on failure the reason a user reads in the FAILED result
 */
public record CallOutcome(boolean sent, int attempts, String detail) {
    public static CallOutcome sent(int attempts, String detail) {
        return new CallOutcome(true, attempts, detail);
    }

    public static CallOutcome failed(int attempts, String detail) {
        return new CallOutcome(false, attempts, detail);
    }
}
