package org.qapi4j.model;

/** A QAPI feature ({@code deprecated}, {@code unstable}, or any informational name). */
public record Feature(String name, Condition condition, Origin origin) {
  public static final String DEPRECATED = "deprecated";
  public static final String UNSTABLE = "unstable";

  public boolean special() {
    return name.equals(DEPRECATED) || name.equals(UNSTABLE);
  }
}
