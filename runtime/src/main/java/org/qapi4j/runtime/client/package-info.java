/**
 * <b>API, for users and for generated clients:</b> {@link org.qapi4j.runtime.client.QmpClient},
 * its exceptions, {@link org.qapi4j.runtime.client.CallOptions}, events and their listeners. The
 * transport, the framer and the I/O thread are the client's own.
 */
package org.qapi4j.runtime.client;
