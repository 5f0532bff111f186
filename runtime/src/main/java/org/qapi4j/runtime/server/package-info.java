/**
 * <b>API: {@link org.qapi4j.runtime.server.QmpServer} and
 * {@link org.qapi4j.runtime.server.Coroutine}</b>, the QMP server and what a coroutine command
 * waits with. The other classes are the server's own (sessions, the main loop, the I/O thread,
 * the dispatcher, limits): public only for the server's use, not API, and they change without
 * notice. Their loggers' names ({@code org.qapi4j.runtime.server.Session}) are stable.
 */
package org.qapi4j.runtime.server;
