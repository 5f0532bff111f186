package org.qapi4j.manual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qapi4j.qapijson.QapiSchemaReader;
import org.qapi4j.testsupport.Chromium;

/**
 * The manuals in a real browser, headless Chromium: the page loads with its style sheet, no link
 * points at a missing anchor, and a screenshot of one command's entry is kept under
 * {@code target/manual/}.
 */
class ChromiumTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  @Test
  void qemusWholeManual() throws Exception {
    Chromium chromium = Chromium.installed();
    Path page = QemuManualTest.build();
    Map<String, String> found = chromium.check(page, "0px");
    String html = Files.readString(page);
    assertEquals("QEMU 7.2 QMP Reference Manual", found.get("title"));
    assertEquals("", found.get("missing"), "links to anchors the page lacks");
    assertEquals("true", found.get("styled"), "manual.css applied");
    assertEquals(String.valueOf(count(html, " href=\"#")), found.get("links"));
    assertEquals(String.valueOf(count(html, " id=\"")), found.get("anchors"));
    Path png = page.resolveSibling("query-status.png");
    chromium.screenshot(page, "command-query-status", png, 1000, 700);
    assertArrayEquals(PNG, Arrays.copyOf(Files.readAllBytes(png), 4));
    System.out.println("QEMU 7.2 manual in chromium: " + found + "; screenshot " + png.toAbsolutePath()
        + " (" + Files.size(png) + " bytes)");
  }

  @Test
  void aSmallSchemasManual() throws Exception {
    Chromium chromium = Chromium.installed();
    Path dir = Path.of("target", "manual", "sample");
    Files.createDirectories(dir);
    QapiSchemaReader.Result r = ManualTest.sample(dir);
    Path page = Manual.write(r.schema().orElseThrow(), r.doc(), "Sample <QMP> Reference", Optional.empty(), dir);
    Map<String, String> found = chromium.check(page, "0px");
    assertEquals("Sample <QMP> Reference", found.get("title"));
    assertEquals("", found.get("missing"));
    assertEquals("true", found.get("styled"));
    Path png = dir.resolve("stop.png");
    chromium.screenshot(page, "command-stop", png, 900, 500);
    assertArrayEquals(PNG, Arrays.copyOf(Files.readAllBytes(png), 4));
  }

  private static int count(String html, String what) {
    int n = 0;
    for (int i = html.indexOf(what); i >= 0; i = html.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
