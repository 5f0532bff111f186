package org.qapi4j.runtime.client;

/**
 * The root of every failure the client reports. Unchecked, like the server's
 * {@link org.qapi4j.runtime.QmpError}:
 *
 * <ul>
 *   <li>{@link QmpException}: the server answered with an error ({@code {"error": {"class":
 *       ..., "desc": ...}}}); the connection is fine.
 *   <li>{@link QmpTimeoutException}: no reply within the call's deadline (or no greeting and
 *       negotiation within the connect timeout); the connection stays usable, a late reply is
 *       dropped.
 *   <li>{@link QmpConnectionException}: the connection is gone (closed by either side, reset,
 *       refused, or the server broke the protocol); every later call fails with it at once.
 *   <li>{@link QmpDecodeException}: a reply or event arrived, but a typed reader could not read it;
 *       carries the JSON path and the raw message.
 * </ul>
 *
 * <p>Blocking calls throw these directly; asynchronous calls complete their future exceptionally
 * with them (not wrapped in {@code CompletionException} when read with {@code exceptionally} on the
 * returned future itself).
 */
public class QmpClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QmpClientException(String message) {
    super(message);
  }

  public QmpClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
