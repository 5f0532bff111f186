package org.qapi4j.testsupport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of a module uses which, read from the module's compiled classes: every class a
 * class file names in its constant pool (the classes it refers to, and the types in its fields',
 * methods' and generic signatures and annotations), whether the source imported it or spelled its
 * qualified name. Only packages of the same module count; an edge remembers the classes that make
 * it, so that a cycle can be told with its causes.
 */
public final class PackageGraph {
  private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

  /** package → package it uses → "Using -> Used" class pairs (qualified names, '.' separated). */
  private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();

  private PackageGraph() {}

  /** The graph of the classes compiled with {@code anyClass}: its class directory, recursively. */
  public static PackageGraph of(Class<?> anyClass) {
    Path root;
    try {
      root = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(anyClass + " is not in a class directory: " + root);
    }
    return of(root);
  }

  /** The graph of the class files under {@code classes}. */
  public static PackageGraph of(Path classes) {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          uses.put(name, referencedClasses(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PackageGraph graph = new PackageGraph();
    Set<String> packages = new TreeSet<>();
    uses.keySet().forEach(c -> packages.add(packageOf(c)));
    packages.forEach(p -> graph.edges.put(p, new TreeMap<>()));
    uses.forEach((from, tos) -> {
      for (String to : tos) {
        String pf = packageOf(from);
        String pt = packageOf(to);
        if (!pf.equals(pt) && packages.contains(pt)) {
          graph.edges.get(pf).computeIfAbsent(pt, k -> new TreeSet<>())
              .add(outer(from).replace('/', '.') + " -> " + outer(to).replace('/', '.'));
        }
      }
    });
    return graph;
  }

  /** The module's packages. */
  public Set<String> packages() {
    return edges.keySet();
  }

  /** The packages {@code pkg} uses (of this module). */
  public Set<String> uses(String pkg) {
    return edges.getOrDefault(pkg, Map.of()).keySet();
  }

  /**
   * Every cycle between packages, as its strongly connected set of packages with the class
   * references that close it, one line each; empty when the packages form a hierarchy.
   */
  public List<String> cycles() {
    List<String> out = new ArrayList<>();
    for (Set<String> component : stronglyConnected()) {
      if (component.size() < 2) {
        continue;
      }
      StringBuilder sb = new StringBuilder("packages " + component + " use each other:");
      for (String from : component) {
        for (Map.Entry<String, Set<String>> e : edges.get(from).entrySet()) {
          if (component.contains(e.getKey())) {
            sb.append("\n  ").append(from).append(" -> ").append(e.getKey()).append(": ")
                .append(String.join(", ", e.getValue()));
          }
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Tarjan's strongly connected components. */
  private List<Set<String>> stronglyConnected() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> components = new ArrayList<>();
    for (String p : edges.keySet()) {
      if (!index.containsKey(p)) {
        connect(p, index, low, stack, onStack, components);
      }
    }
    return components;
  }

  private void connect(String p, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
      Set<String> onStack, List<Set<String>> components) {
    index.put(p, index.size());
    low.put(p, index.get(p));
    stack.push(p);
    onStack.add(p);
    for (String q : uses(p)) {
      if (!index.containsKey(q)) {
        connect(q, index, low, stack, onStack, components);
        low.put(p, Math.min(low.get(p), low.get(q)));
      } else if (onStack.contains(q)) {
        low.put(p, Math.min(low.get(p), index.get(q)));
      }
    }
    if (low.get(p).equals(index.get(p))) {
      Set<String> component = new TreeSet<>();
      String q;
      do {
        q = stack.pop();
        onStack.remove(q);
        component.add(q);
      } while (!q.equals(p));
      components.add(component);
    }
  }

  private static String packageOf(String internalName) {
    int slash = internalName.lastIndexOf('/');
    return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
  }

  private static String outer(String internalName) {
    int dollar = internalName.indexOf('$', internalName.lastIndexOf('/') + 1);
    return dollar < 0 ? internalName : internalName.substring(0, dollar);
  }

  /**
   * The classes a class file names: its {@code CONSTANT_Class} entries, and the class types in
   * its {@code CONSTANT_Utf8} entries that are descriptors or signatures (JVMS 4.4).
   */
  static Set<String> referencedClasses(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classIndexes = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classIndexes.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
        case 15 -> in.skipBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // Integer, Float, refs, NameAndType, dynamic
        case 5, 6 -> {
          in.readLong(); // Long, Double take two entries
          i++;
        }
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    Set<String> out = new TreeSet<>();
    for (int i : classIndexes) {
      String name = utf8[i];
      if (name.startsWith("[")) {
        addDescriptorClasses(name, out);
      } else {
        out.add(name);
      }
    }
    for (String s : utf8) {
      if (s != null && (s.indexOf(';') >= 0)) {
        addDescriptorClasses(s, out);
      }
    }
    return out;
  }

  private static void addDescriptorClasses(String descriptor, Set<String> out) {
    Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
    while (m.find()) {
      out.add(m.group(1));
    }
  }
}
