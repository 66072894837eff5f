package com.texterchat.client;

/** How an attempt or a call ended, in the coarse terms metrics group by. */
public enum TexterOutcome {
    /** Texter answered with a 2xx status. */
    SUCCESS,
    /** Texter answered with a status outside 2xx below 500 (400, 401, 403, 404, 409, 429, ...). */
    CLIENT_ERROR,
    /** Texter (or a proxy in front of it) answered with a 5xx status. */
    SERVER_ERROR,
    /** No answer arrived in time: the connect, read or call timeout passed. */
    TIMEOUT,
    /** Sending failed or the answer could not be read: refused or reset connection, TLS failure, oversized body. */
    IO_ERROR;

    /**
     * The outcome of an HTTP status.
     *
     * @param status an HTTP status code
     * @return {@link #SUCCESS} for 2xx, {@link #SERVER_ERROR} for 5xx, otherwise {@link #CLIENT_ERROR}
     */
    public static TexterOutcome ofStatus(int status) {
        if (status >= 200 && status <= 299) {
            return SUCCESS;
        }
        return status >= 500 && status <= 599 ? SERVER_ERROR : CLIENT_ERROR;
    }
}
