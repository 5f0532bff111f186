package org.qapi4j.samplevm;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.qapi4j.runtime.QmpError;

/**
 * The simulated display ({@code -vga std}): a 640×480 console that a display thread redraws on
 * request, as QEMU's {@code graphic_hw_update()} asks the display device to. Each frame is a test
 * card: eight colour bars, and under them a bar whose length counts the frames drawn.
 */
final class Display {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  private static final int[] BARS = {
    0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x00FF00, 0xFF00FF, 0xFF0000, 0x0000FF, 0x000000
  };

  /** One drawn frame: {@code WIDTH * HEIGHT} pixels, {@code 0xRRGGBB}, row after row. */
  record Frame(long number, int[] pixels) {}

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sample-vm-display");
    t.setDaemon(true);
    return t;
  });
  private long frames; // display thread only

  /** Asks for a fresh frame; it completes on the display thread once drawn. */
  CompletableFuture<Frame> update() {
    return CompletableFuture.supplyAsync(this::draw, thread);
  }

  private Frame draw() {
    long number = ++frames;
    int[] pixels = new int[WIDTH * HEIGHT];
    int counterLength = (int) (number % WIDTH);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int rgb;
        if (y < HEIGHT - 40) {
          rgb = BARS[x * BARS.length / WIDTH];
        } else {
          rgb = x < counterLength ? 0xFFFFFF : 0x202020;
        }
        pixels[y * WIDTH + x] = rgb;
      }
    }
    return new Frame(number, pixels);
  }

  /**
   * Writes a frame as QEMU's {@code ppm_save()} does (binary PPM, {@code P6}, maximum 255) or as PNG.
   * The file is opened first; its errors carry QEMU's text.
   */
  static void write(Frame frame, String filename, boolean png) {
    OutputStream out;
    try {
      out = Files.newOutputStream(Path.of(filename),
          StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      String reason = e instanceof IOException io ? Errno.text(io) : "Invalid argument";
      throw new QmpError("failed to open file '" + filename + "': " + reason);
    }
    try (out) {
      if (png) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, WIDTH, HEIGHT, frame.pixels(), 0, WIDTH);
        ImageIO.write(image, "png", out);
        return;
      }
      byte[] header = ("P6\n" + WIDTH + " " + HEIGHT + "\n255\n").getBytes(StandardCharsets.US_ASCII);
      out.write(header);
      byte[] row = new byte[WIDTH * 3];
      for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
          int rgb = frame.pixels()[y * WIDTH + x];
          row[3 * x] = (byte) (rgb >> 16);
          row[3 * x + 1] = (byte) (rgb >> 8);
          row[3 * x + 2] = (byte) rgb;
        }
        out.write(row);
      }
    } catch (IOException e) {
      throw new QmpError("failed to write image: " + Errno.text(e));
    }
  }
}
