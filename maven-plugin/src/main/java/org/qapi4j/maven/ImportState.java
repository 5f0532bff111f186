package org.qapi4j.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an import read and wrote, kept in a state file under {@code target/} so that the next build
 * can tell whether it has anything to do: the configuration that shapes the output, every schema
 * file read (the main file and each included one) with the SHA-256 of its content, and the Java
 * files written.
 *
 * <p>An import is up to date when the state file exists, its configuration is the current one,
 * every schema file it lists still has the same content, and every Java file it lists exists.
 * Content hashes rather than timestamps: a checkout, a copy or a {@code touch} changes a timestamp
 * but not the schema, and a schema edited within a timestamp's resolution still changes its hash.
 * A new include can only appear by editing a file already listed, so the list of inputs is
 * complete whenever all of them are unchanged.
 *
 * <p>The file is plain text, one entry a line: {@code config TEXT}, {@code input SHA256 PATH}
 * (relative to the directory the schema was read against, or absolute), {@code output PATH}
 * (relative to the output directory).
 *
 * @param config everything besides the schema files that the output depends on
 * @param inputs each schema file read, to the hex SHA-256 of its content
 * @param outputs the Java files written, relative to the output directory, with {@code /}
 */
record ImportState(String config, Map<String, String> inputs, List<String> outputs) {
  private static final String HEADER = "# qapi4j-maven-plugin import state: the inputs read and the files written";

  ImportState {
    inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    outputs = List.copyOf(outputs);
  }

  /** The state of an import that read {@code inputs} (resolved against {@code baseDir}). */
  static ImportState of(String config, Path baseDir, List<String> inputs, List<String> outputs)
      throws IOException {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String input : inputs) {
      hashes.put(input, sha256(baseDir.resolve(input)));
    }
    return new ImportState(config, hashes, outputs);
  }

  /** The state recorded in {@code file}, or empty if there is none or it cannot be read. */
  static Optional<ImportState> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    String config = null;
    Map<String, String> inputs = new LinkedHashMap<>();
    List<String> outputs = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("config ")) {
        config = line.substring("config ".length());
      } else if (line.startsWith("input ")) {
        String[] parts = line.split(" ", 3);
        if (parts.length != 3) {
          return Optional.empty();
        }
        inputs.put(parts[2], parts[1]);
      } else if (line.startsWith("output ")) {
        outputs.add(line.substring("output ".length()));
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        return Optional.empty();
      }
    }
    if (config == null || inputs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ImportState(config, inputs, outputs));
  }

  void write(Path file) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    sb.append("config ").append(config).append('\n');
    inputs.forEach((path, hash) -> sb.append("input ").append(hash).append(' ').append(path).append('\n'));
    outputs.forEach(path -> sb.append("output ").append(path).append('\n'));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  /**
   * Why this recorded state does not describe the output of an import with {@code config}, or
   * empty if it does (the import is up to date).
   */
  Optional<String> staleness(String config, Path baseDir, Path outputDirectory) throws IOException {
    if (!this.config.equals(config)) {
      return Optional.of("the configuration changed");
    }
    for (Map.Entry<String, String> input : inputs.entrySet()) {
      String now;
      try {
        now = sha256(baseDir.resolve(input.getKey()));
      } catch (NoSuchFileException e) {
        return Optional.of(input.getKey() + " is gone");
      }
      if (!now.equals(input.getValue())) {
        return Optional.of(input.getKey() + " changed");
      }
    }
    for (String output : outputs) {
      if (!Files.isRegularFile(outputDirectory.resolve(output))) {
        return Optional.of(output + " is missing from " + outputDirectory);
      }
    }
    return Optional.empty();
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has it
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
