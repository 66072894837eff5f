package com.texterchat.client.error;

/**
 * The response was larger than the client's response size limit
 * ({@code TexterClient.Builder.maxResponseSize}, 16 MiB unless configured), counted on the bytes as received and
 * again after gzip decoding. The client stopped reading at the limit and dropped the connection, so no more than
 * the limit was ever held in memory; the client stays usable for the next call. Never retried: the same request
 * would get the same answer.
 */
public final class TexterResponseTooLargeException extends TexterException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * Creates the exception.
     *
     * @param operation the operationId of the call
     * @param message   a description for logs; must not contain secrets
     * @param limit     the size limit in bytes that the response exceeded
     */
    public TexterResponseTooLargeException(String operation, String message, long limit) {
        super(operation, message, null);
        this.limit = limit;
    }

    /**
     * The size limit, in bytes, that the response exceeded.
     *
     * @return the limit
     */
    public long limit() {
        return limit;
    }
}
