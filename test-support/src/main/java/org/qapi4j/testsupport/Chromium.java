package org.qapi4j.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real browser for the tests of generated pages: Debian's {@code chromium}, headless (installed
 * by {@code bash .ci/peers}; without it the test is skipped, or fails where peers are required).
 * Each run has a profile of its own, in a fresh directory, and a time limit.
 */
public final class Chromium {
  /** The longest a page may take to load and be checked, or to be photographed. */
  private static final long TIMEOUT_SECONDS = 180;

  private static final Pattern REPORT = Pattern.compile("<pre id=\"qapi4j-check\">(.*?)</pre>", Pattern.DOTALL);

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /** The installed {@code chromium}; skips without it. */
  public static Chromium installed() {
    Optional<Path> p = Peers.program("chromium");
    Peers.require(p.isPresent(), "chromium is not installed");
    return new Chromium(p.orElseThrow());
  }

  /**
   * What the browser found once {@code page} had loaded: {@code title}, {@code links} (the number
   * of links to an anchor of the page), {@code anchors} (the number of elements with an id),
   * {@code missing} (the anchors linked to that are not there, comma-separated, empty if none),
   * {@code styled} ({@code true} when the page's style sheet applied, told by the body's margin
   * being {@code bodyMargin}). The page is checked through a copy of it, next to it, with a script
   * added at its end that writes the findings into the page, which the browser then prints.
   */
  public Map<String, String> check(Path page, String bodyMargin) throws IOException, InterruptedException {
    String html = Files.readString(page);
    String script = String.join("\n",
        "<script>",
        "(function () {",
        "  var links = document.querySelectorAll('a[href^=\"#\"]'), missing = [];",
        "  for (var i = 0; i < links.length; i++) {",
        "    var id = decodeURIComponent(links[i].getAttribute('href').substring(1));",
        "    if (!document.getElementById(id) && missing.indexOf(id) < 0) missing.push(id);",
        "  }",
        "  var report = document.createElement('pre');",
        "  report.id = 'qapi4j-check';",
        "  report.textContent = 'title=' + document.title + '\\nlinks=' + links.length",
        "    + '\\nanchors=' + document.querySelectorAll('[id]').length",
        "    + '\\nmissing=' + missing.join(',')",
        "    + '\\nstyled=' + (getComputedStyle(document.body).marginTop === '" + bodyMargin + "');",
        "  document.body.appendChild(report);",
        "})();",
        "</script>",
        "");
    int end = html.lastIndexOf("</body>");
    if (end < 0) {
      throw new IOException(page + " has no </body>");
    }
    Path checked = page.resolveSibling("check-" + page.getFileName());
    Files.writeString(checked, html.substring(0, end) + script + html.substring(end));
    String dom = run(page.getParent(), "--dump-dom", checked.toUri().toString());
    Matcher m = REPORT.matcher(dom);
    if (!m.find()) {
      throw new IOException("chromium printed no report for " + page + ": "
          + dom.substring(0, Math.min(500, dom.length())));
    }
    Map<String, String> found = new LinkedHashMap<>();
    for (String line : unescape(m.group(1)).split("\n")) {
      int eq = line.indexOf('=');
      found.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return found;
  }

  /**
   * A screenshot of {@code page} scrolled to the entry with anchor {@code fragment}, {@code width}
   * by {@code height} pixels, written to {@code png}. The page is shown in a frame of a helper page
   * (a headless screenshot of {@code page.html#fragment} itself can come out blank).
   */
  public void screenshot(Path page, String fragment, Path png, int width, int height)
      throws IOException, InterruptedException {
    Path frame = page.resolveSibling("frame-" + fragment.replaceAll("[^A-Za-z0-9_.-]", "_") + ".html");
    Files.writeString(frame, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>html, body, iframe "
        + "{ margin: 0; border: 0; width: 100%; height: 100%; display: block; }</style></head>\n<body><iframe src=\""
        + page.getFileName() + "#" + fragment + "\"></iframe></body></html>\n");
    Files.deleteIfExists(png);
    run(page.getParent(), "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars", frame.toUri().toString());
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new IOException("chromium wrote no screenshot " + png);
    }
  }

  /** Runs the browser headless on {@code args}; its standard output. Its log goes to {@code dir}. */
  private String run(Path dir, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("qapi4j-chromium");
    try {
      List<String> argv = new ArrayList<>(List.of(binary.toString(), "--headless", "--disable-gpu", "--no-sandbox",
          "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
      argv.addAll(Arrays.asList(args));
      Path out = Files.createTempFile(dir, "chromium", ".out");
      Process p = new ProcessBuilder(argv)
          .redirectOutput(out.toFile())
          .redirectError(dir.resolve("chromium.log").toFile())
          .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + argv);
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      Files.delete(out);
      if (p.exitValue() != 0) {
        throw new IOException("chromium ended with status " + p.exitValue() + " (log: " + dir.resolve("chromium.log")
            + "): " + argv);
      }
      return output;
    } finally {
      delete(profile);
    }
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
