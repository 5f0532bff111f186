package org.qapi4j.model.check;

/**
 * The rules the checks enforce, each with a stable id: javac messages carry it as
 * {@code [qapi4j:ID]}, and {@code docs/rules.md} lists them.
 */
public enum Rule {
  NAME_INVALID("name-invalid"),
  NAME_TYPE_CAMEL("name-type-camel"),
  NAME_TYPE_LIST("name-type-list"),
  NAME_COMMAND("name-command"),
  NAME_EVENT("name-event"),
  NAME_MEMBER("name-member"),
  MEMBER_RESERVED("member-reserved"),
  DEFN_DUPLICATE("defn-duplicate"),
  DEFN_DUPLICATE_BUILTIN("defn-duplicate-builtin"),
  DEFN_CLASH("defn-clash"),
  TYPE_UNKNOWN("type-unknown"),
  ARRAY_SHAPE("array-shape"),
  TYPEREF_NO_ARRAY("typeref-no-array"),
  DATA_KIND("data-kind"),
  /**
   * Not QAPI's (its JSON cannot say it): the parameters of a method whose arguments are a named
   * struct's members ({@code @Command(data = S.class)}) that are not those members, in order.
   */
  DATA_PARAMETERS("data-parameters"),
  CLASH_MEMBER("clash-member"),
  BASE_NOT_STRUCT("base-not-struct"),
  OBJECT_CONTAINS_ITSELF("object-contains-itself"),
  CLASH_BASE("clash-base"),
  UNION_DISCRIMINATOR("union-discriminator"),
  UNION_BRANCH("union-branch"),
  UNION_BRANCH_CLASH("union-branch-clash"),
  UNION_NO_BRANCHES("union-no-branches"),
  ALTERNATE("alternate"),
  ENUM_VALUE_CLASH("enum-value-clash"),
  CMD_RETURNS_KIND("cmd-returns-kind"),
  FLAG_OOB_COROUTINE("flag-oob-coroutine"),
  FLAG_ASYNC("flag-async"),
  SUCCESS_RESPONSE_RETURNS("success-response-returns"),
  EVENT_THROTTLE_KEY("event-throttle-key"),
  FEATURE_DUPLICATE("feature-duplicate"),
  FEATURE_SPECIAL_ON_TYPE("feature-special-on-type"),
  /** Something QAPI has no key for in that place (features on a union or alternate branch). */
  KEYS_UNKNOWN("keys-unknown"),
  IF_IDENTIFIER("if-identifier"),
  IF_EMPTY("if-empty"),
  IF_CONFLICTING("if-conflicting"),
  BOXED_NEEDS_DATA("boxed-needs-data"),
  DOC_REQUIRED("doc-required"),
  DOC_BOGUS_MEMBER("doc-bogus-member"),
  DOC_DUPLICATE_SECTION("doc-duplicate-section"),
  DOC_RETURNS_NON_COMMAND("doc-returns-non-command"),
  /** A feature the doc comment does not document (QAPI JSON: Javadoc has no place for it). */
  DOC_UNDOCUMENTED_FEATURE("doc-undocumented-feature"),
  /** A documented feature the definition does not have (QAPI JSON). */
  DOC_BOGUS_FEATURE("doc-bogus-feature"),
  /** Something the Java front end cannot map to QAPI (an unsupported type, a misplaced annotation). */
  JAVA_FORM("java-form");

  private final String id;

  Rule(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** When the checks meet a rule's violations, which orders the errors. */
  public enum Phase {
    /** While QEMU builds the schema, before it checks any definition: first. */
    BUILDING,
    /** As each definition is checked, in definition order. */
    DEFINITIONS,
    /**
     * The doc comments, against their definitions ({@link DocRules}): after the definitions'
     * errors, in definition order.
     */
    DOCS
  }

  public Phase phase() {
    return switch (this) {
      case DEFN_DUPLICATE, DEFN_DUPLICATE_BUILTIN -> Phase.BUILDING;
      case DOC_REQUIRED, DOC_BOGUS_MEMBER, DOC_DUPLICATE_SECTION, DOC_RETURNS_NON_COMMAND, DOC_UNDOCUMENTED_FEATURE,
          DOC_BOGUS_FEATURE -> Phase.DOCS;
      default -> Phase.DEFINITIONS;
    };
  }

  /**
   * True for the rules QEMU enforces while it builds the schema, before it checks any definition:
   * their errors come first.
   */
  public boolean whileBuilding() {
    return phase() == Phase.BUILDING;
  }
}
