package org.qapi4j.testschemas.kitchen;

import java.util.List;

/** The application of the kitchen-sink tests: echoes what it is given. */
@SuppressWarnings("deprecation") // it implements deprecated commands
class KitchenSinkImpl implements KitchenSink {
  @Override public Builtins echoBuiltins(Builtins b) { return b; }
  @Override public UserDefTwo userDefCmd2(UserDefOne one, UserDefA a) {
    return new UserDefTwo(one, a == null ? List.of() : List.of(one));
  }
  @Override public Integers echoIntegers(Integers integers) { return integers; }
  @Override public void userDefCmd() {}
  @Override public long guestGetTime(long a, Long b) { return b == null ? a : a + b; }
  @Override public void guestSync(long id) {}
  @Override public void oobCommand() {}
  @Override public void coroutineCommand() {}
  @Override public UserDefOne boxedStruct(UserDefOne arg) { return arg; }
  @Override public UserDefUnion echoUnion(UserDefUnion union, AltAll alt, AltEnumUnion other) { return union; }
  @Override public UserDefUnion boxedUnion(UserDefUnion union) { return union; }
  @Override public TestIfUnion testIfUnionCmd(TestIfUnion unionCmdArg) { return unionCmdArg; }
  @Override public void testIfAlternateCmd(TestIfAlternate altCmdArg) {}
  @Override public UserDefThree testIfCmd(TestIfStruct foo, TestIfEnum bar) {
    return new UserDefThree(foo.foo() + " " + bar);
  }
  @Override public UserDefThree testCmdReturnDefThree() { return new UserDefThree("three"); }
  @Override public void testIfNeverCmd() { throw new AssertionError("not in this configuration"); }
  @Override public FeatureStruct1 testFeatures0(FeatureStruct0 fs0, FeatureStruct1 fs1, FeatureStruct2 fs2,
      FeatureStruct3 fs3, FeatureStruct4 fs4, CondFeatureStruct1 cfs1, CondFeatureStruct2 cfs2,
      CondFeatureStruct3 cfs3, CondFeatureStruct4 cfs4, FeatureUnion1 fu1, FeatureAlternate1 fa1) {
    return fs1 != null ? fs1 : new FeatureStruct1(42);
  }
  @Override public void testCommandFeatures1() {}
  @Override public void testCommandFeatures3() {}
  @Override public void testCommandCondFeatures1() {}
  @Override public void testCommandCondFeatures2() {}
  @Override public void testCommandCondDeprecated() {}
  @Override public CompatStruct testCompat(CompatStruct arg, Long must) { return arg; }
  @Override public void testCompatMandatory(long must, String other) {}
}
