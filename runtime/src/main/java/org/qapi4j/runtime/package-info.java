/**
 * <b>API, for users and for generated code.</b> What a dispatch table is made of
 * ({@link org.qapi4j.runtime.DispatchTable}, {@link org.qapi4j.runtime.QmpCommand},
 * {@link org.qapi4j.runtime.CommandHandler}, {@link org.qapi4j.runtime.ReplyWriter},
 * {@link org.qapi4j.runtime.DeferredReply}), errors ({@link org.qapi4j.runtime.QmpError},
 * {@link org.qapi4j.runtime.ErrorClass}), events ({@link org.qapi4j.runtime.QmpEvent},
 * {@link org.qapi4j.runtime.EventSink}), endpoints ({@link org.qapi4j.runtime.QmpEndpoint}) and
 * {@code -compat} ({@link org.qapi4j.runtime.CompatPolicy}).
 *
 * <p>The server that serves them is {@link org.qapi4j.runtime.server.QmpServer}, the client
 * {@link org.qapi4j.runtime.client.QmpClient}. This package uses package {@code json} only:
 * the runtime's packages form layers, {@code json} → this package → {@code marshal} →
 * {@code server}, {@code client}, {@code probe} (PackageCycleTest checks it).
 */
package org.qapi4j.runtime;
