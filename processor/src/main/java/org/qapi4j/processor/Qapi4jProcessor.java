package org.qapi4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import javax.tools.StandardLocation;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Schema;
import org.qapi4j.model.check.Diagnostic;
import org.qapi4j.model.check.SchemaChecker;
import org.qapi4j.model.introspect.ControlCommands;
import org.qapi4j.model.introspect.SchemaInfo;
import org.qapi4j.processor.diag.ElementOrigin;
import org.qapi4j.processor.diag.MessagerSink;
import org.qapi4j.processor.gen.ClientGenerator;
import org.qapi4j.processor.gen.Directions;
import org.qapi4j.processor.gen.DispatchGenerator;
import org.qapi4j.processor.gen.EmitterGenerator;
import org.qapi4j.processor.gen.MarshalGenerator;
import org.qapi4j.processor.read.JavaReader;
import org.qapi4j.runtime.json.QDictOrder;

/**
 * The qapi4j annotation processor. For every {@code @Schema} root it reads the schema model, runs
 * every QAPI check, reports each violation as an error on the element at fault, and — only if the
 * schema is clean — generates the dispatch table, the marshalling code and the event emitters.
 *
 * <p>Isolating for Gradle: each root reaches its whole schema through its own signature (the
 * interfaces it extends, the events interfaces it names, the types in their methods), and every
 * file generated for it has the root as its one originating element.
 */
@AutoService(Processor.class)
// Every annotation of the schema language is this processor's, and so is @Generated on the code
// it generated (read again in the next round): it claims them, so that a build with -Xlint:all
// -Werror does not fail on "No processor claimed any of these annotations".
@SupportedAnnotationTypes({"org.qapi4j.annotations.*", "javax.annotation.processing.Generated"})
public final class Qapi4jProcessor extends AbstractProcessor {
  /** Roots whose schema refers to a type that does not exist yet, retried next round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  /** The processor option naming the configuration symbols {@code @If} conditions test. */
  public static final String DEFINED_OPTION = "qapi4j.defined";

  /**
   * The processor option {@code -Aqapi4j.timing}: a note per schema with the time each phase took
   * (read the elements; check; wait for the dispatch table, emitters and introspection from their
   * renderer thread and write them; wait for the marshalling class and write it), the CPU time of
   * the processor's threads, and that of the whole JVM and its JIT compilers in the same window,
   * for {@code bench/schema.sh} ({@link Timing}).
   */
  public static final String TIMING_OPTION = "qapi4j.timing";

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(DEFINED_OPTION, TIMING_OPTION, Directions.OPTION, Directions.SIDE_OPTION);
  }

  /**
   * True if the marshalling class reads and writes every type ({@code -Aqapi4j.marshal=all}); else
   * it has the ways the schema's commands and events use.
   */
  private boolean marshalAll() {
    String option = processingEnv.getOptions().get(Directions.OPTION);
    if (option != null && !Directions.isValid(option)) {
      processingEnv.getMessager().printMessage(Kind.WARNING, "[qapi4j:option] -A" + Directions.OPTION + "="
          + option + " is neither 'used' nor 'all'; the marshalling class has the types commands and events use");
    }
    return Directions.isAll(option);
  }

  /** The sides of {@code -Aqapi4j.side}: both unless told; a bad value is warned of and means both. */
  private Directions.Side side() {
    String option = processingEnv.getOptions().get(Directions.SIDE_OPTION);
    Directions.Side side = Directions.Side.of(option);
    if (side == null) {
      processingEnv.getMessager().printMessage(Kind.WARNING, "[qapi4j:option] -A" + Directions.SIDE_OPTION + "="
          + option + " is none of 'server', 'client', 'both'; both sides are generated");
      return Directions.Side.BOTH;
    }
    return side;
  }

  /** The symbols of {@code -Aqapi4j.defined=A,B}. */
  private Set<String> defined() {
    String value = processingEnv.getOptions().get(DEFINED_OPTION);
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      for (String s : value.split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    List<TypeElement> roots = new ArrayList<>();
    for (String name : deferred) {
      TypeElement root = processingEnv.getElementUtils().getTypeElement(name);
      if (root != null) {
        roots.add(root);
      }
    }
    deferred.clear();
    TypeElement schema = processingEnv.getElementUtils().getTypeElement("org.qapi4j.annotations.Schema");
    if (schema != null) {
      for (Element e : round.getElementsAnnotatedWith(schema)) {
        if (e instanceof TypeElement t) {
          roots.add(t);
        }
      }
    }
    for (TypeElement root : roots) {
      try {
        processRoot(root);
      } catch (JavaReader.Unresolved u) {
        if (round.processingOver()) {
          error(root, "[qapi4j:unresolved] could not resolve " + u.getMessage()
              + ", which schema " + root.getQualifiedName() + " refers to");
        } else {
          deferred.add(root.getQualifiedName().toString());
        }
      } catch (RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        error(root, "[qapi4j:internal] qapi4j failed on this schema; please report it:\n" + trace);
      }
    }
    if (round.processingOver() && !deferred.isEmpty()) {
      for (String name : deferred) {
        processingEnv.getMessager().printMessage(Kind.ERROR,
            "[qapi4j:unresolved] schema " + name + " refers to types that were never generated");
      }
    }
    return true; // the annotations of org.qapi4j.annotations are this processor's
  }

  private void processRoot(TypeElement root) {
    Timing timing = Timing.start(processingEnv.getOptions().containsKey(TIMING_OPTION));
    JavaReader.Result read = new JavaReader(processingEnv.getElementUtils()).read(root);
    timing.done("read");
    Schema schema = read.schema();
    Set<String> defined = defined();
    // Generating and rendering the code is most of the work, and needs only the model: two
    // renderer threads do it while this one checks the schema, one the marshalling class (most of
    // the output), the other the dispatch table, the emitters and the introspection. They start
    // before the checks, and their work is dropped if the checks fail (the generators cope with
    // any schema the reader produced, or fail, which is then not reported). Neither touches javac:
    // the model is plain data, rendering goes to memory, and only this thread uses the filer.
    boolean marshalAll = marshalAll(); // read, and a bad value reported, on this thread
    Directions.Side side = side();
    CompletableFuture<Rendered> marshal = null;
    CompletableFuture<Others> others = null;
    if (read.problems().isEmpty() && schema.javaRoot().isPresent()) {
      String pkg = schema.javaRoot().get().packageName();
      marshal = CompletableFuture.supplyAsync(timing.counted(() -> render(pkg,
          new MarshalGenerator(schema, defined, marshalAll ? Directions.all() : Directions.used(schema, side))
              .generate())), RENDERERS);
      others = CompletableFuture.supplyAsync(timing.counted(() -> others(schema, defined, side)), RENDERERS);
    }
    List<Diagnostic> diagnostics = new ArrayList<>(read.problems());
    diagnostics.addAll(new SchemaChecker().check(schema, read.doc()));
    timing.done("check");
    if (!diagnostics.isEmpty()) {
      if (marshal != null) {
        marshal.cancel(false);
        others.cancel(false);
      }
      MessagerSink sink = new MessagerSink(processingEnv.getMessager(), ElementOrigin.of(root));
      diagnostics.forEach(sink::report);
      return; // generate nothing for a schema with errors
    }
    String pkg = schema.javaRoot().orElseThrow().packageName();
    Others rest = join(others);
    rest.files().forEach(r -> write(root, r));
    if (side.server()) {
      writeIntrospection(root, pkg, schema, rest.introspection());
    }
    timing.done("generate");
    write(root, join(marshal));
    timing.done("marshalling");
    String report = timing.report();
    if (report != null) {
      processingEnv.getMessager().printMessage(Kind.NOTE,
          "[qapi4j:timing] schema " + root.getQualifiedName() + ": " + report);
    }
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * The dispatch table, the emitters and the introspection (server), the clients and listeners
   * (client), rendered.
   */
  private record Others(List<Rendered> files, String introspection) {}

  private static Others others(Schema schema, Set<String> defined, Directions.Side side) {
    String pkg = schema.javaRoot().orElseThrow().packageName();
    List<Rendered> files = new ArrayList<>();
    EmitterGenerator emitters = new EmitterGenerator(schema, defined);
    if (side.server()) {
      files.add(render(pkg, new DispatchGenerator(schema, defined).generate()));
      for (Map.Entry<JavaType, List<EventDef>> group : emitters.byInterface().entrySet()) {
        files.add(render(group.getKey().packageName(), emitters.generate(group.getKey(), group.getValue())));
      }
    }
    if (side.client()) {
      ClientGenerator clients = new ClientGenerator(schema, defined);
      Map<JavaType, ClientGenerator.Commands> commands = clients.commandsByInterface();
      for (JavaType iface : commands.keySet()) {
        for (TypeSpec type : clients.commands(iface, commands)) {
          files.add(render(iface.packageName(), type));
        }
      }
      for (Map.Entry<JavaType, List<EventDef>> group : emitters.byInterface().entrySet()) {
        files.add(render(group.getKey().packageName(), clients.listener(group.getKey(), group.getValue())));
      }
    }
    // The server answers QMP's own commands whatever the schema: its introspection lists them.
    return new Others(files,
        side.server() ? SchemaInfo.render(ControlCommands.addTo(schema), false, defined, QDictOrder::of) : null);
  }

  /** A generated source file, rendered: its qualified name and its text. */
  private record Rendered(String name, String text) {}

  /**
   * The threads that render generated code while the processor's thread checks the schema: two
   * (one task each per schema), shared by every schema and every round. They are daemons, so that
   * javac never waits for them, and they end when idle for a while, so that a build tool's
   * long-lived JVM keeps none.
   */
  private static final ExecutorService RENDERERS = renderers();

  private static ExecutorService renderers() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread t = new Thread(task, "qapi4j-render-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Renders a generated type into memory. The filer gets it in one piece afterwards: JavaPoet
   * appends a few characters at a time, which costs more through the filer's encoding writer than
   * the rendering itself.
   */
  private static Rendered render(String pkg, TypeSpec type) {
    JavaFile file = JavaFile.builder(pkg, type).skipJavaLangImports(true).build();
    StringBuilder text = new StringBuilder(1 << 16);
    try {
      file.writeTo(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
    }
    return new Rendered(pkg.isEmpty() ? type.name() : pkg + "." + type.name(), text.toString());
  }

  private void write(TypeElement root, Rendered file) {
    try (Writer out = processingEnv.getFiler().createSourceFile(file.name(), root).openWriter()) {
      out.write(file.text());
    } catch (IOException e) {
      error(root, "[qapi4j:io] could not write " + file.name() + ": " + e.getMessage());
    }
  }

  /**
   * The {@code query-qmp-schema} reply, as QEMU's introspect.py builds it, written as a resource
   * beside the dispatch table (QEMU's reply exceeds a class file's 64 KiB string constants).
   */
  private void writeIntrospection(TypeElement root, String pkg, Schema schema, String introspection) {
    String name = DispatchGenerator.introspectionResource(schema);
    // JSON, which the runtime serves as it is: UTF-8 whatever the platform's encoding.
    try (OutputStream out =
        processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, pkg, name, root).openOutputStream()) {
      out.write((introspection + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      error(root, "[qapi4j:io] could not write " + name + ": " + e.getMessage());
    }
  }

  private void error(Element at, String message) {
    processingEnv.getMessager().printMessage(Kind.ERROR, message, at);
  }
}
