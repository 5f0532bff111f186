package org.qapi4j.testschemas.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.DeferredReply;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.json.QmpJson;
import org.qapi4j.testschemas.async.AsyncSchema.Answer;

/**
 * The code the processor generates for asynchronous commands: the arguments are read (and their
 * errors thrown) at once, the stage is wrapped in a {@link DeferredReply}, and its result is
 * written as a synchronous command's would be.
 */
class AsyncSchemaTest {
  /** The application: every stage it hands out, by the command's argument. */
  private static final class Impl implements AsyncSchema {
    final Map<String, CompletableFuture<?>> stages = new ConcurrentHashMap<>();

    private <T> CompletableFuture<T> stage(String key) {
      CompletableFuture<T> f = new CompletableFuture<>();
      stages.put(key, f);
      return f;
    }

    @Override
    public CompletionStage<Answer> ask(String question) {
      return stage(question);
    }

    @Override
    public CompletableFuture<Void> settle(long ticket) {
      return stage("ticket " + ticket);
    }

    @Override
    public CompletionStage<List<Answer>> many(long n) {
      return stage("many " + n);
    }

    @Override
    public CompletionStage<Long> count() {
      return stage("count");
    }

    @Override
    public CompletionStage<Void> fireAndForget(String what) {
      return stage(what);
    }

    @Override
    public Answer now() {
      return new Answer("now", null);
    }

    @SuppressWarnings("unchecked")
    <T> void complete(String key, T value) {
      ((CompletableFuture<T>) stages.get(key)).complete(value);
    }
  }

  private final Impl impl = new Impl();
  private final AsyncSchema_Dispatch table = new AsyncSchema_Dispatch(impl);

  private QmpCommand command(String name) {
    return table.commands().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private ReplyWriter invoke(String name, String arguments) {
    byte[] bytes = arguments == null ? null : arguments.getBytes(StandardCharsets.UTF_8);
    return command(name).handler().invoke(bytes == null ? null : QmpJson.parser(bytes, 0, bytes.length));
  }

  private static String render(ReplyWriter w) {
    String s = new String(QmpJson.message(w::write), StandardCharsets.UTF_8);
    return s.substring(0, s.length() - 2);
  }

  /**
   * What the stage's completion makes of the reply: its JSON (members in QEMU's order, as for every
   * struct), or the failure's text.
   */
  private static CompletableFuture<String> outcome(ReplyWriter reply) {
    DeferredReply deferred = assertInstanceOf(DeferredReply.class, reply);
    CompletableFuture<String> out = new CompletableFuture<>();
    deferred.whenComplete((w, e) -> out.complete(e != null ? "failed: " + e.getMessage() : render(w)));
    return out;
  }

  @Test
  void flagsMarkTheAsynchronousCommands() {
    assertEquals(Set.of(QmpCommand.Flag.ASYNC), command("ask").flags());
    assertEquals(Set.of(QmpCommand.Flag.ASYNC), command("settle").flags());
    assertEquals(Set.of(QmpCommand.Flag.NO_SUCCESS_RESPONSE, QmpCommand.Flag.ASYNC), command("fire-and-forget").flags());
    assertEquals(Set.of(QmpCommand.Flag.ALLOW_PRECONFIG), command("now").flags());
  }

  @Test
  void resultsAreWrittenWhenTheStageCompletes() {
    CompletableFuture<String> ask = outcome(invoke("ask", "{\"question\": \"why\"}"));
    CompletableFuture<String> settle = outcome(invoke("settle", "{\"ticket\": 7}"));
    CompletableFuture<String> many = outcome(invoke("many", "{\"n\": 2}"));
    CompletableFuture<String> count = outcome(invoke("count", null));
    assertTrue(!ask.isDone() && !settle.isDone() && !many.isDone() && !count.isDone());
    impl.complete("many 2", List.of(new Answer("a", 1L), new Answer("b", null)));
    impl.complete("count", 3L);
    impl.complete("ticket 7", null);
    impl.complete("why", new Answer("because", 42L));
    assertEquals("{\"text\": \"because\", \"score\": 42}", ask.join());
    assertEquals("{}", settle.join());
    assertEquals("[{\"text\": \"a\", \"score\": 1}, {\"text\": \"b\"}]", many.join());
    assertEquals("3", count.join());
  }

  @Test
  void argumentErrorsAreThrownAtOnceAndNullResultsFailLater() {
    assertEquals("Parameter 'question' is missing",
        assertThrows(QmpError.class, () -> invoke("ask", "{}")).desc());
    assertEquals("Invalid parameter type for 'ticket', expected: integer",
        assertThrows(QmpError.class, () -> invoke("settle", "{\"ticket\": \"x\"}")).desc());
    assertTrue(impl.stages.isEmpty()); // the application was not called
    CompletableFuture<String> ask = outcome(invoke("ask", "{\"question\": \"null\"}"));
    impl.complete("null", null);
    assertEquals("failed: the result of ask", ask.join());
  }

  @Test
  void aDeferredReplyCanBeWrapped() {
    DeferredReply reply = ((DeferredReply) invoke("count", null)).map(w -> out -> {
      out.writeStartArray();
      w.write(out);
      out.writeEndArray();
    });
    CompletableFuture<String> out = outcome(reply);
    impl.complete("count", 5L);
    assertEquals("[5]", out.join());
  }

  @Test
  void theApplicationSeesCancellation() {
    DeferredReply reply = (DeferredReply) invoke("fire-and-forget", "{\"what\": \"w\"}");
    reply.cancel(); // what the server does when the client disconnects
    assertTrue(impl.stages.get("w").isCancelled());
  }

  @Test
  void introspectionShowsOrdinaryCommands() {
    String schema = new String(table.introspection(), StandardCharsets.UTF_8);
    // Numbered after QMP's own commands (and their types), which every schema's introspection lists first.
    assertTrue(schema.contains("{\"name\": \"ask\", \"ret-type\": \"5\", \"meta-type\": \"command\", \"arg-type\": \"4\"}"),
        schema);
  }
}
