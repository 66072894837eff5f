/**
 * The exceptions the Texter client throws. All are unchecked and extend
 * {@link com.texterchat.client.error.TexterException}, so one {@code catch} handles every failure of a call,
 * while the subclasses let callers react to a specific one:
 *
 * <ul>
 *   <li>{@link com.texterchat.client.error.TexterHttpException} and its subclasses: Texter answered with an
 *       error status (400, 401, 403, 404, 409, 429, 5xx, ...). They carry the status and the response body.</li>
 *   <li>{@link com.texterchat.client.error.TexterOperationFailedException}: Texter answered 200 but said
 *       {@code success: false}, e.g. a template sent to a recipient who unsubscribed.</li>
 *   <li>{@link com.texterchat.client.error.TexterIoException}: no usable answer arrived (connection refused or
 *       reset, timeout).</li>
 *   <li>{@link com.texterchat.client.error.TexterUnexpectedResponseException}: a success status whose body could
 *       not be read as the operation's result (empty, or not valid JSON).</li>
 * </ul>
 *
 * <p>Every exception names the operation ({@link com.texterchat.client.error.TexterException#operation()}, the
 * {@code operationId} from {@code openapi.json}). Messages never contain the API token.
 */
@NullMarked
package com.texterchat.client.error;

import org.jspecify.annotations.NullMarked;
