/**
 * <b>API, for users:</b> what a running server offers, from its {@code query-qmp-schema} reply,
 * queried with libvirt's paths and compared with a schema.
 */
package org.qapi4j.runtime.probe;
