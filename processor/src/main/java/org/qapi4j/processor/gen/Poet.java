package org.qapi4j.processor.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.annotation.processing.Generated;
import org.qapi4j.model.JavaType;

/** Names and pieces every generator shares. */
final class Poet {
  static final String PROCESSOR = "org.qapi4j.processor.Qapi4jProcessor";

  static final ClassName JSON_PARSER = ClassName.get("tools.jackson.core", "JsonParser");
  static final ClassName JSON_GENERATOR = ClassName.get("tools.jackson.core", "JsonGenerator");
  static final ClassName INPUT = ClassName.get("org.qapi4j.runtime.marshal", "Input");
  static final ClassName OUTPUT = ClassName.get("org.qapi4j.runtime.marshal", "Output");
  static final ClassName COMPAT_POLICY = ClassName.get("org.qapi4j.runtime", "CompatPolicy");
  static final ClassName REPLY_WRITER = ClassName.get("org.qapi4j.runtime", "ReplyWriter");
  static final ClassName QMP_COMMAND = ClassName.get("org.qapi4j.runtime", "QmpCommand");
  static final ClassName QMP_COMMAND_FLAG = QMP_COMMAND.nestedClass("Flag");
  static final ClassName DEFERRED_REPLY = ClassName.get("org.qapi4j.runtime", "DeferredReply");
  static final ClassName DISPATCH_TABLE = ClassName.get("org.qapi4j.runtime", "DispatchTable");
  static final ClassName QMP_EVENT = ClassName.get("org.qapi4j.runtime", "QmpEvent");
  static final ClassName EVENT_SINK = ClassName.get("org.qapi4j.runtime", "EventSink");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName SET = ClassName.get("java.util", "Set");

  private Poet() {}

  /**
   * On every generated class: a schema deprecates commands and members on purpose (Java's
   * {@code @Deprecated} is QAPI's feature), and the generated code must still call them; the values
   * the runtime reads with a table come as {@code Object}, cast to their types ({@code List<T>}
   * included).
   */
  static AnnotationSpec suppressWarnings() {
    return AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", "{$S, $S}", "deprecation", "unchecked").build();
  }

  static AnnotationSpec generated(String schemaName) {
    return AnnotationSpec.builder(Generated.class)
        .addMember("value", "$S", PROCESSOR)
        .addMember("comments", "$S", "from QAPI schema '" + schemaName + "'")
        .build();
  }

  static ClassName className(JavaType type) {
    List<String> names = type.simpleNames();
    return ClassName.get(
        type.packageName(), names.get(0), names.subList(1, names.size()).toArray(new String[0]));
  }

  static TypeName typeName(JavaType type) {
    if (type.isPrimitive()) {
      return switch (type.simpleNames().get(0)) {
        case "boolean" -> TypeName.BOOLEAN;
        case "byte" -> TypeName.BYTE;
        case "short" -> TypeName.SHORT;
        case "int" -> TypeName.INT;
        case "long" -> TypeName.LONG;
        case "char" -> TypeName.CHAR;
        case "float" -> TypeName.FLOAT;
        default -> TypeName.DOUBLE;
      };
    }
    ClassName raw = className(type);
    if (type.typeArguments().isEmpty()) {
      return raw;
    }
    return ParameterizedTypeName.get(
        raw, type.typeArguments().stream().map(Poet::typeName).toArray(TypeName[]::new));
  }

  /** Text for a JavaPoet format, as it is: {@code $} doubled. */
  static String escape(String text) {
    return text.indexOf('$') < 0 ? text : text.replace("$", "$$");
  }

  /** A generated class beside {@code type}: {@code Outer_Inner_Suffix} in the same package. */
  static ClassName sibling(JavaType type, String suffix) {
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + suffix);
  }

  /** A Java identifier fragment for a QAPI type name: {@code __org.qemu_x-Foo} is {@code __org_qemu_x_Foo}. */
  static String identifier(String qapiName) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < qapiName.length(); i++) {
      char c = qapiName.charAt(i);
      sb.append(Character.isLetterOrDigit(c) ? c : '_');
    }
    String s = sb.toString();
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
