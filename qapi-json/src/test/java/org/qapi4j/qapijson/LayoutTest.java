package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The importer's layout over JavaPoet's text: exactly what comes out for what goes in. */
class LayoutTest {
  @Test
  void aFilesRecordListsItsComponentsOneALine() {
    assertEquals("""
        package p;

        @Feature("f")
        public record Sock(
            @Name("wait") boolean wait_,
            @Optional String nodeName,
            @Type("uint8") short n,
            long count
        ) {}
        """, Layout.apply("""
        package p;

        @Feature("f")
        public record Sock(@Name("wait") boolean wait_, @Optional String nodeName, @Type("uint8") short n,
            long count) {
        }
        """));
  }

  @Test
  void aFilesRecordWithOneComponentListsItOnALineToo() {
    assertEquals("""
        public record JobInfo(
            JobStatus status
        ) {}
        """, Layout.apply("""
        public record JobInfo(JobStatus status) {
        }
        """));
  }

  @Test
  void aRecordWithoutComponentsIsOneLine() {
    assertEquals("public record Empty() {}\n", Layout.apply("public record Empty() {\n}\n"));
  }

  @Test
  void componentsAreSplitAtTopLevelCommasOnly() {
    assertEquals("""
        public record Tricky(
            @Name("a,b") long ab,
            @Name("q\\"(,<") long quote,
            @If("all(A, B)") @Type("size") long sz,
            @Feature(value = "deprecated", condition = "any(X, Y)") Map<String, List<Long>> map,
            @Sep(',') char sep,
            @Sep('\\'') char quoteChar,
            @Name(")") List<Map<String, Long>> last
        ) {}
        """, Layout.apply("""
        public record Tricky(@Name("a,b") long ab, @Name("q\\"(,<") long quote,
            @If("all(A, B)") @Type("size") long sz,
            @Feature(value = "deprecated", condition = "any(X, Y)") Map<String, List<Long>> map,
            @Sep(',') char sep, @Sep('\\'') char quoteChar, @Name(")") List<Map<String, Long>> last) {
        }
        """));
  }

  @Test
  void aWrapInsideAComponentIsOneSpaceButALiteralKeepsItsSpaces() {
    assertEquals("""
        public record Wrapped(
            @Name("a  b") long x,
            Map<String, Long> m
        ) {}
        """, Layout.apply("""
        public record Wrapped(@Name("a  b")
                long   x, Map<String,
            Long> m) {
        }
        """));
  }

  @Test
  void aNestedRecordStaysOnOneLineIfItFits() {
    assertEquals("""
        @Union(discriminator = "type")
        public sealed interface Choice {
          @Name("arch")
          @If("all(A, B)")
          record ArchBranch(ChoiceBase base, Arch data) implements Choice {}

          /**
           * The values of 'type' without a branch: the base alone.
           */
          record NoBranch(ChoiceBase base) implements Choice {}
        }
        """, Layout.apply("""
        @Union(discriminator = "type")
        public sealed interface Choice {
          @Name("arch")
          @If("all(A, B)")
          record ArchBranch(ChoiceBase base, Arch data) implements Choice {
          }

          /**
           * The values of 'type' without a branch: the base alone.
           */
          record NoBranch(ChoiceBase base) implements Choice {
          }
        }
        """));
  }

  @Test
  void aNestedRecordThatDoesNotFitListsItsComponentsOneALineAtItsIndent() {
    assertEquals("""
        public sealed interface BlockExportOptions {
          @If("CONFIG_VHOST_USER_BLK_SERVER")
          record VhostUserBlk(
              BlockExportOptionsBase base,
              BlockExportOptionsVhostUserBlk data
          ) implements BlockExportOptions {}
        }
        """, Layout.apply("""
        public sealed interface BlockExportOptions {
          @If("CONFIG_VHOST_USER_BLK_SERVER")
          record VhostUserBlk(BlockExportOptionsBase base,
              BlockExportOptionsVhostUserBlk data) implements BlockExportOptions {
          }
        }
        """));
  }

  @Test
  void aMethodThatDoesNotFitListsItsParametersOneALine() {
    assertEquals("""
        public interface Commands {
          /**
           * A long parameter list: void setEverything(String firstArgument, @Optional Long secondArgument);
           */
          @Feature(value = "unstable", condition = "CONFIG_UNSTABLE")
          @Command
          void setEverything(
              String firstArgument,
              @Optional Long secondArgument,
              List<String> thirdArgument,
              @Optional @Type("size") Long sizeLimit,
              Value choice
          );

          @Command(name = "device_add")
          void deviceAdd(String driver, @Optional String id, @Name("wait") @Optional Boolean wait_);

          @Command
          void flags();
        }
        """, Layout.apply("""
        public interface Commands {
          /**
           * A long parameter list: void setEverything(String firstArgument, @Optional Long secondArgument);
           */
          @Feature(value = "unstable", condition = "CONFIG_UNSTABLE")
          @Command
          void setEverything(String firstArgument, @Optional Long secondArgument,
              List<String> thirdArgument, @Optional @Type("size") Long sizeLimit, Value choice);

          @Command(name = "device_add")
          void deviceAdd(String driver, @Optional String id, @Name("wait") @Optional Boolean wait_);

          @Command
          void flags();
        }
        """));
  }

  @Test
  void aMethodOfExactlyTheWidthFitsAndOneColumnMoreDoesNot() {
    String fits = "  void m(String a, " + "@Name(\"" + "x".repeat(63) + "\") long b);";
    assertEquals(100, fits.length());
    assertEquals(fits + "\n", Layout.apply(fits + "\n"));
    String over = "  void m(String a, " + "@Name(\"" + "x".repeat(64) + "\") long b);";
    assertEquals(String.join("\n",
        "  void m(",
        "      String a,",
        "      @Name(\"" + "x".repeat(64) + "\") long b",
        "  );",
        ""), Layout.apply(over + "\n"));
  }

  @Test
  void aMethodJavaPoetWrappedIsJoinedIfItFitsOnceItsSpacesAreOne() {
    assertEquals("""
          @Event
          void vserportChange(String id, boolean open);
        """, Layout.apply("""
          @Event
          void vserportChange(String id,
              boolean open);
        """));
  }

  @Test
  void aMethodsReturnTypeMayBeAnnotatedOrGeneric() {
    assertEquals("""
          @Command
          @Type("size") long queryLimit(
              String firstArgumentWithALongName,
              String secondArgumentWithALongName,
              long third
          );

          Map<String, List<@Type("size") Long>> querySizes(
              String firstArgumentWithALongName,
              String secondArgumentWithALongName
          );
        """, Layout.apply("""
          @Command
          @Type("size") long queryLimit(String firstArgumentWithALongName, String secondArgumentWithALongName,
              long third);

          Map<String, List<@Type("size") Long>> querySizes(String firstArgumentWithALongName,
              String secondArgumentWithALongName);
        """));
  }

  @Test
  void aBodyWithNothingInItIsBracesOnTheDeclarationsLine() {
    assertEquals("""
        public interface GoldenSchema extends GoldenCommands,
            MiscCommands {}
        """, Layout.apply("""
        public interface GoldenSchema extends GoldenCommands,
            MiscCommands {
        }
        """));
  }

  @Test
  void commentsAnnotationsBodiesAndStatementsAreAsTheyWere() {
    String java = """
        /**
         * record Sock(boolean a, long b) {
         * }
         * void setEverything(String firstArgument, @Optional Long secondArgument, List<String> third);
         */
        @Schema(
            name = "x",
            events = {
                "record A(a, b) {",
                "void f(a, b);"
            }
        )
        public record R(
            int a
        ) {
          // void f(String firstArgument, @Optional Long secondArgument, List<String> thirdArgument);
          int twice() {
            return of(firstArgumentWithAVeryLongName, secondArgumentWithAVeryLongName, thirdArgument);
          }
        }
        public enum E {
          @Name("3d")
          _3D,

          B
        }
        """;
    assertEquals(java, Layout.apply(java));
  }

  @Test
  void theTextNeedNotEndInANewline() {
    assertEquals("public record R(\n    int a\n) {}", Layout.apply("public record R(int a) {\n}"));
  }

  /** The importer's golden files are in the layout already: the pass leaves its own text alone. */
  @Test
  void theLayoutOfTheGoldenFilesIsTheirs() throws IOException {
    Path expected = Path.of("src", "test", "resources", "golden", "importer", "expected");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(expected)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    assertEquals(36, files.size());
    for (Path f : files) {
      String java = Files.readString(f);
      assertEquals(java, Layout.apply(java), f.toString());
    }
  }
}
