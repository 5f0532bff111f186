package org.qapi4j.samplevm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.qapi4j.runtime.server.Coroutine;
import org.qapi4j.runtime.QmpError;

/**
 * The simulated block layer: the nodes of {@code -blockdev}, either {@code file} (an image file on
 * the host, which {@code block_resize} truncates or extends) or {@code null-co} (reads zeroes; no
 * resize). There are no block backends ({@code -drive}), so {@code device} never names anything.
 */
final class BlockDevices {
  private record Node(String name, String driver, Path file) {}

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Executor io;

  BlockDevices(List<Map<String, String>> blockdevs, Executor io) {
    this.io = io;
    for (Map<String, String> b : blockdevs) {
      String file = b.get("filename");
      nodes.put(b.get("node-name"), new Node(b.get("node-name"), b.get("driver"), file == null ? null : Path.of(file)));
    }
  }

  /** QEMU's {@code qmp_block_resize()}, a coroutine: the main loop goes on while the image grows. */
  void resize(String device, String nodeName, long size) {
    Node node = nodeName == null ? null : nodes.get(nodeName);
    if (node == null) {
      throw new QmpError("Cannot find device='" + (device == null ? "" : device)
          + "' nor node-name='" + (nodeName == null ? "" : nodeName) + "'");
    }
    if (size < 0) {
      throw new QmpError("Parameter 'size' expects a >0 size");
    }
    if (!node.driver().equals("file")) {
      throw new QmpError("Image format driver does not support resize");
    }
    Coroutine.await(CompletableFuture.runAsync(() -> truncate(node.file(), size), io));
  }

  private static void truncate(Path file, long size) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    } catch (IOException e) {
      throw new QmpError("Failed to resize file: " + Errno.text(e));
    }
  }
}
