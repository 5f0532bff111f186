package org.qapi4j.testschemas.kitchen;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Union;

/**
 * Features everywhere, after the feature part of QEMU's {@code qapi-schema-test.json}: on types,
 * members, enum values, commands and events; special ({@code deprecated}, {@code unstable}) and
 * informational; with conditions ({@code TEST_IF_FEATURE_1} and {@code TEST_IF_COND_1} are defined,
 * {@code TEST_IF_FEATURE_2} and {@code TEST_IF_COND_2} are not).
 */
// @Deprecated on components and parameters is shown on purpose; javac's lint warns that it
// does nothing there for Java, which is true and beside the point for QAPI.
@SuppressWarnings("deprecation")
public interface Features {
  record FeatureStruct0(long foo) {}

  /** Java's {@code @Deprecated} on a member is feature {@code deprecated}. */
  @Feature("feature1")
  record FeatureStruct1(@Deprecated long foo) {}

  @Feature("feature1")
  record FeatureStruct2(long foo) {}

  @Feature("feature1")
  @Feature("feature2")
  record FeatureStruct3(long foo) {}

  /** Feature names that are also QAPI keywords or type names. */
  @Feature("namespace-test")
  @Feature("int")
  @Feature("name")
  @Feature("if")
  record FeatureStruct4(long namespaceTest) {}

  @Feature(value = "feature1", condition = "TEST_IF_FEATURE_1")
  record CondFeatureStruct1(long foo) {}

  @Feature(value = "feature1", condition = "TEST_IF_FEATURE_1")
  @Feature(value = "feature2", condition = "TEST_IF_FEATURE_2")
  record CondFeatureStruct2(long foo) {}

  @Feature(value = "feature1", condition = "all(TEST_IF_COND_1, TEST_IF_COND_2)")
  record CondFeatureStruct3(long foo) {}

  @Feature(value = "feature1", condition = "any(TEST_IF_COND_1, TEST_IF_COND_2)")
  record CondFeatureStruct4(long foo) {}

  /** Enum values with special features: {@code drei} deprecated, {@code vier} unstable. */
  @Feature("feature1")
  enum FeatureEnum1 {
    EINS,
    ZWEI,
    @Deprecated DREI,
    @Feature("unstable") VIER
  }

  record FeatureUnion1Base(FeatureEnum1 tag) {}

  @Feature("feature1")
  @Union(discriminator = "tag")
  sealed interface FeatureUnion1 {
    record Eins(FeatureUnion1Base base, FeatureStruct1 data) implements FeatureUnion1 {}

    record Other(FeatureUnion1Base base) implements FeatureUnion1 {}
  }

  @Feature("feature1")
  @Alternate
  sealed interface FeatureAlternate1 {
    record Eins(FeatureStruct1 value) implements FeatureAlternate1 {}
  }

  /** Arguments and results with special features at every depth, for the compat policy. */
  record CompatStruct(
      long plain,
      @Deprecated @Optional Long old,
      @Feature("unstable") @Optional String experimental,
      @Optional FeatureStruct1 nested,
      @Optional FeatureEnum1 e) {}

  @Command
  FeatureStruct1 testFeatures0(
      @Optional FeatureStruct0 fs0,
      @Optional FeatureStruct1 fs1,
      @Optional FeatureStruct2 fs2,
      @Optional FeatureStruct3 fs3,
      @Optional FeatureStruct4 fs4,
      @Optional CondFeatureStruct1 cfs1,
      @Optional CondFeatureStruct2 cfs2,
      @Optional CondFeatureStruct3 cfs3,
      @Optional CondFeatureStruct4 cfs4,
      @Optional FeatureUnion1 fu1,
      @Optional FeatureAlternate1 fa1);

  @Deprecated
  @Command
  void testCommandFeatures1();

  @Feature("unstable")
  @Feature("feature1")
  @Feature("feature2")
  @Command
  void testCommandFeatures3();

  @Feature(value = "feature1", condition = "TEST_IF_FEATURE_1")
  @Command
  void testCommandCondFeatures1();

  @Feature(value = "feature1", condition = "TEST_IF_FEATURE_1")
  @Feature(value = "feature2", condition = "TEST_IF_FEATURE_2")
  @Command
  void testCommandCondFeatures2();

  /** A special feature whose condition fails is not there: not deprecated in this configuration. */
  @Feature(value = "deprecated", condition = "TEST_IF_COND_2")
  @Command
  void testCommandCondDeprecated();

  /** Echoes its argument; {@code must} is a deprecated mandatory argument. */
  @Command
  CompatStruct testCompat(CompatStruct arg, @Optional @Deprecated Long must);

  @Command
  void testCompatMandatory(@Deprecated long must, @Optional String other);

  /** The events with features. */
  interface Events {
    @Event(name = "TEST_EVENT_FEATURES0", boxed = true)
    void testEventFeatures0(FeatureStruct1 data);

    @Deprecated
    @Event(name = "TEST_EVENT_FEATURES1")
    void testEventFeatures1();

    @Feature("unstable")
    @Event(name = "TEST_EVENT_FEATURES2")
    void testEventFeatures2();

    @Feature(value = "deprecated", condition = "TEST_IF_COND_2")
    @Event(name = "TEST_EVENT_COND_DEPRECATED")
    void testEventCondDeprecated();
  }
}
