package org.qapi4j.cli;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The bytecode length of every method of compiled classes, read from their class files. */
final class MethodSizes {
  private MethodSizes() {}

  /** {@code Class.method} (binary class name, as in the file's name) to its code length in bytes. */
  static Map<String, Integer> under(Path classes) throws IOException {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path file : files) {
      String owner = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
      read(owner, Files.readAllBytes(file), sizes);
    }
    return sizes;
  }

  // The class file format, JVMS chapter 4: what precedes the methods is skipped.
  private static void read(String owner, byte[] bytes, Map<String, Integer> sizes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    in.skipBytes(8); // magic, minor and major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // a long or double takes two entries
        }
        default -> throw new IOException(owner + ": constant pool tag " + tag);
      }
    }
    in.skipBytes(6); // access flags, this class, super class
    in.skipBytes(2 * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int f = 0; f < fields; f++) {
      in.skipBytes(6);
      skipAttributes(in);
    }
    int methods = in.readUnsignedShort();
    for (int m = 0; m < methods; m++) {
      in.skipBytes(2);
      String name = utf8[in.readUnsignedShort()];
      in.skipBytes(2);
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (attribute.equals("Code")) {
          in.skipBytes(4); // max stack, max locals
          sizes.merge(owner + "." + name, in.readInt(), Math::max);
          in.skipBytes(length - 8);
        } else {
          in.skipBytes(length);
        }
      }
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
