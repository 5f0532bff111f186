package org.qapi4j.manual;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The anchors of a page and its links within itself, as the page's HTML text says. */
final class Anchors {
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
  private static final Pattern HREF = Pattern.compile("\\shref=\"#([^\"]*)\"");

  private Anchors() {}

  static Set<String> ids(String html) {
    return all(ID, html);
  }

  static Set<String> links(String html) {
    return all(HREF, html);
  }

  /** The {@code #x} links of the page with no {@code id="x"} in it, sorted. */
  static Set<String> broken(String html) {
    Set<String> missing = new TreeSet<>(links(html));
    missing.removeAll(ids(html));
    return missing;
  }

  private static Set<String> all(Pattern p, String html) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(html);
    while (m.find()) {
      out.add(m.group(1).replace("&amp;", "&").replace("&quot;", "\""));
    }
    return out;
  }
}
