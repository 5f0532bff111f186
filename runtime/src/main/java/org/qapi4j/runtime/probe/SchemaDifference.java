package org.qapi4j.runtime.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a live server lacks relative to what a client was built for, and what it has besides, as
 * libvirt query paths ({@link IntrospectedSchema#paths()}): compare the client's compiled schema
 * (a generated dispatch table's {@code introspection()}) with the server's
 * {@code query-qmp-schema}.
 *
 * <pre>{@code
 * SchemaDifference d = SchemaDifference.compare(
 *     IntrospectedSchema.parse(MySchema_Dispatch.introspection()),
 *     IntrospectedSchema.of(qmp.execute("query-qmp-schema")));
 * d.missing().commands();    // [blockdev-reopen]: the client's, not the server's
 * d.missing().members();     // [blockdev-add/arg-type/+file/aio-max-batch, ...]
 * d.missing().enumValues();  // [blockdev-add/arg-type/+file/aio/^io_uring]
 * d.added().events();        // the server's, not the client's
 * }</pre>
 *
 * <p>A path is listed only where the difference starts: a missing command's members, a missing
 * member's own members, a missing variant's members are not listed again. Member paths include
 * variants ({@code +case}) and changed builtin types ({@code !json-type}); whether a member is
 * optional is not compared.
 *
 * @param missing what the client has and the server lacks
 * @param added what the server has and the client lacks
 */
public record SchemaDifference(Paths missing, Paths added) {
  /**
   * Paths, by kind, each sorted.
   *
   * @param commands command names
   * @param events event names
   * @param members paths to members, variants ({@code .../+case}) and builtin types
   *     ({@code .../!json-type}) below {@code arg-type} and {@code ret-type}
   * @param enumValues paths ending in {@code ^value}
   * @param features paths ending in {@code $feature} (of a command, event, object type or enum value)
   */
  public record Paths(List<String> commands, List<String> events, List<String> members, List<String> enumValues,
      List<String> features) {
    public Paths {
      commands = List.copyOf(commands);
      events = List.copyOf(events);
      members = List.copyOf(members);
      enumValues = List.copyOf(enumValues);
      features = List.copyOf(features);
    }

    public boolean isEmpty() {
      return commands.isEmpty() && events.isEmpty() && members.isEmpty() && enumValues.isEmpty() && features.isEmpty();
    }

    /** Every path, sorted. */
    public List<String> all() {
      Set<String> all = new TreeSet<>();
      all.addAll(commands);
      all.addAll(events);
      all.addAll(members);
      all.addAll(enumValues);
      all.addAll(features);
      return List.copyOf(all);
    }
  }

  /** True if neither side has anything the other lacks. */
  public boolean isEmpty() {
    return missing.isEmpty() && added.isEmpty();
  }

  /** What {@code server} lacks of {@code client}'s, and has besides. */
  public static SchemaDifference compare(IntrospectedSchema client, IntrospectedSchema server) {
    Set<String> c = client.paths();
    Set<String> s = server.paths();
    return new SchemaDifference(paths(client, c, s), paths(server, s, c));
  }

  /** The paths of {@code of} not in {@code other}, where each difference starts, by kind. */
  private static Paths paths(IntrospectedSchema schema, Set<String> of, Set<String> other) {
    List<String> commands = new ArrayList<>();
    List<String> events = new ArrayList<>();
    List<String> members = new ArrayList<>();
    List<String> enumValues = new ArrayList<>();
    List<String> features = new ArrayList<>();
    Set<String> listed = new java.util.HashSet<>();
    for (String p : of) { // sorted: a path comes before those under it
      if (other.contains(p) || underListed(p, listed)) {
        continue;
      }
      listed.add(p);
      int slash = p.lastIndexOf('/');
      String last = p.substring(slash + 1);
      if (slash < 0) {
        String metaType = IntrospectedSchema.string(schema.entry(p), "meta-type");
        ("event".equals(metaType) ? events : commands).add(p);
      } else if (last.startsWith("^")) {
        enumValues.add(p);
      } else if (last.startsWith("$")) {
        features.add(p);
      } else {
        members.add(p);
      }
    }
    return new Paths(commands, events, members, enumValues, features);
  }

  private static boolean underListed(String path, Set<String> listed) {
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      if (listed.contains(path.substring(0, i))) {
        return true;
      }
    }
    return false;
  }
}
