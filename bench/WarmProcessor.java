import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's own time in a JVM that has compiled before, as in a build tool's long-lived JVM
 * (Maven runs javac in its own JVM, Gradle in its daemon): compiles the same sources with the
 * processor ({@code -proc:only}) RUNS times in this one JVM and prints the processor's time of each
 * run, as {@code -Aqapi4j.timing} reports it, and the median of the second half of the runs.
 *
 * <p>Run by bench/schema.sh: {@code java -cp qapi4j.jar bench/WarmProcessor.java SOURCES DEFINED RUNS}
 * (SOURCES a file listing the source files, one per line; DEFINED the configuration's symbols).
 */
public final class WarmProcessor {
  private static final Pattern TIMING =
      Pattern.compile("total (\\d+) ms \\(CPU (\\d+) ms");

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: java -cp qapi4j.jar bench/WarmProcessor.java SOURCES DEFINED RUNS");
      System.exit(2);
    }
    List<String> sources = Files.readAllLines(Path.of(args[0]));
    String defined = args[1];
    int runs = Integer.parseInt(args[2]);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    long[] walls = new long[runs];
    long[] cpus = new long[runs];
    for (int run = 0; run < runs; run++) {
      Path out = Files.createTempDirectory("qapi4j-warm");
      List<String> notes = new ArrayList<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
        Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromStrings(sources);
        List<String> options = List.of("--release", "17", "-proc:only",
            "-cp", System.getProperty("java.class.path"),
            "-processor", "org.qapi4j.processor.Qapi4jProcessor",
            "-Aqapi4j.timing", "-Aqapi4j.defined=" + defined,
            "-d", out.toString(), "-s", out.toString());
        boolean ok = javac.getTask(null, files, d -> {
          if (d.getKind() == Diagnostic.Kind.NOTE) {
            notes.add(d.getMessage(null));
          } else if (d.getKind() == Diagnostic.Kind.ERROR) {
            System.err.println(d);
          }
        }, options, null, units).call();
        if (!ok) {
          System.err.println("javac failed");
          System.exit(1);
        }
      } finally {
        deleteTree(out);
      }
      Matcher m = notes.stream().map(TIMING::matcher).filter(Matcher::find).findFirst()
          .orElseThrow(() -> new IllegalStateException("no [qapi4j:timing] note in " + notes));
      walls[run] = Long.parseLong(m.group(1));
      cpus[run] = Long.parseLong(m.group(2));
      System.out.printf("  run %d: processor %d ms (CPU %d ms)%n", run + 1, walls[run], cpus[run]);
    }
    int from = runs / 2;
    System.out.printf("%-34s median %6d ms   (CPU %d ms; runs %d to %d in one JVM)%n",
        "the processor, warm JVM (wall)", median(walls, from), median(cpus, from), from + 1, runs);
  }

  private static long median(long[] values, int from) {
    long[] tail = Arrays.copyOfRange(values, from, values.length);
    Arrays.sort(tail);
    return tail.length % 2 == 1 ? tail[tail.length / 2] : (tail[tail.length / 2 - 1] + tail[tail.length / 2]) / 2;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
