package org.qapi4j.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a QMP server listens, parsed from QEMU's {@code -qmp} syntax:
 *
 * <ul>
 *   <li>{@code unix:PATH,server=on,wait=off} — a unix socket (a stale socket file is replaced; the
 *       file is removed when the server stops);
 *   <li>{@code tcp:HOST:PORT,server=on,wait=off} — TCP; {@code tcp::PORT} binds the loopback
 *       interface (QEMU binds every interface; qapi4j listens beyond the machine only when told,
 *       e.g. {@code tcp:0.0.0.0:4444});
 *   <li>{@code stdio} — standard input and output, one session.
 * </ul>
 *
 * <p>{@code wait=on} (QEMU's default for a server) makes {@link org.qapi4j.runtime.server.QmpServer#start()} wait for the
 * first client. QEMU's older {@code server} and {@code nowait} flags are accepted too. Only server
 * mode exists: qapi4j does not connect out.
 *
 * @param host for TCP, the address to bind (never empty)
 * @param port for TCP, the port (0 picks a free one; {@link org.qapi4j.runtime.server.QmpServer#boundPort} tells which)
 * @param path for unix sockets, the socket file
 */
public record QmpEndpoint(Kind kind, Path path, String host, int port, boolean waitForClient) {
  public enum Kind {
    UNIX,
    TCP,
    STDIO
  }

  public QmpEndpoint {
    Objects.requireNonNull(kind, "kind");
  }

  public static QmpEndpoint unix(Path path) {
    return new QmpEndpoint(Kind.UNIX, path, null, 0, false);
  }

  public static QmpEndpoint tcp(String host, int port) {
    return new QmpEndpoint(Kind.TCP, null, host, port, false);
  }

  public static QmpEndpoint stdio() {
    return new QmpEndpoint(Kind.STDIO, null, null, 0, false);
  }

  /** Parses a {@code -qmp} argument; the message of the exception says what is wrong. */
  public static QmpEndpoint parse(String spec) {
    String[] parts = spec.split(",", -1);
    String address = parts[0];
    boolean server = false;
    boolean wait = true;
    for (int i = 1; i < parts.length; i++) {
      String option = parts[i];
      switch (option) {
        case "server", "server=on" -> server = true;
        case "server=off" -> server = false;
        case "wait", "wait=on" -> wait = true;
        case "nowait", "wait=off" -> wait = false;
        default -> throw new IllegalArgumentException("'" + spec + "': unknown option '" + option + "'");
      }
    }
    if (address.equals("stdio")) {
      if (parts.length > 1) {
        throw new IllegalArgumentException("'" + spec + "': stdio takes no options");
      }
      return stdio();
    }
    if (!server) {
      throw new IllegalArgumentException(
          "'" + spec + "': only server mode is supported: add ',server=on,wait=off'");
    }
    if (address.startsWith("unix:")) {
      String path = address.substring("unix:".length());
      if (path.isEmpty()) {
        throw new IllegalArgumentException("'" + spec + "': the unix socket needs a path");
      }
      return new QmpEndpoint(Kind.UNIX, Path.of(path), null, 0, wait);
    }
    if (address.startsWith("tcp:")) {
      String hostPort = address.substring("tcp:".length());
      int colon = hostPort.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("'" + spec + "': expected tcp:HOST:PORT");
      }
      String host = hostPort.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + spec + "': the port must be a number");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("'" + spec + "': the port must be from 0 to 65535");
      }
      return new QmpEndpoint(Kind.TCP, null, host.isEmpty() ? "127.0.0.1" : host, port, wait);
    }
    throw new IllegalArgumentException(
        "'" + spec + "': expected unix:PATH,server=on,wait=off, tcp:HOST:PORT,server=on,wait=off or stdio");
  }

  @Override
  public String toString() {
    return switch (kind) {
      case UNIX -> "unix:" + path;
      case TCP -> "tcp:" + host + ":" + port;
      case STDIO -> "stdio";
    };
  }
}
