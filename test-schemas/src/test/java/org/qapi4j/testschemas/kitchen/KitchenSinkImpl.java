package org.qapi4j.testschemas.kitchen;

import java.util.ArrayList;
import java.util.List;
import org.qapi4j.runtime.json.JsonValue;

/** The application of the kitchen-sink tests: echoes what it is given, and records what it was asked. */
@SuppressWarnings("deprecation") // it implements deprecated commands
class KitchenSinkImpl implements KitchenSink {
  /** The calls of commands that return nothing, as {@code name args}. */
  final List<String> calls = new ArrayList<>();
  /** Where {@link #emitEvents()} sends its events. */
  KitchenSink.Events events;

  // Structs
  @Override public void userDefCmd() { calls.add("user_def_cmd"); }
  @Override public Empty2 userDefCmd0(Empty2 data) { return data; }
  @Override public void userDefCmd1(UserDefOne ud1a) { calls.add("user-def-cmd1 " + ud1a); }
  @Override public UserDefTwo userDefCmd2(UserDefOne ud1a, UserDefOne ud1b) {
    UserDefTwoDictDict dict2 = new UserDefTwoDictDict(ud1a, "ud1a");
    UserDefTwoDictDict dict3 = ud1b == null ? null : new UserDefTwoDictDict(ud1b, "ud1b");
    return new UserDefTwo("user-def-cmd2", new UserDefTwoDict("s1", dict2, dict3));
  }
  @Override public Integers echoIntegers(Integers integers) { return integers; }
  @Override public UserDefOptions echoOptions(UserDefOptions options) { return options; }
  @Override public NestedEnumsOne echoEnums(NestedEnumsOne enums) { return enums; }
  @Override public Grid echoGrid(Grid grid) { return grid; }
  @Override public Builtins echoBuiltins(Builtins b) { return b; }
  @Override public void cmdSuccessResponse() { calls.add("cmd-success-response"); }
  @Override public void coroutineCmd() { calls.add("coroutine-cmd"); }
  @Override public void testFlagsCommand() { calls.add("test-flags-command"); }
  @Override public long guestGetTime(long a, Long b) { return b == null ? a : a + b; }
  @Override public JsonValue guestSync(JsonValue arg) { return arg; }
  @Override public void boxedStruct(UserDefZero arg) { calls.add("boxed-struct " + arg); }
  @Override public void boxedEmpty(Empty1 arg) { calls.add("boxed-empty " + arg); }
  @Override public UserDefThree testCmdReturnDefThree() { return new UserDefThree("three"); }
  @Override public UserDefOne echoUserDefOne(long integer, String string, EnumOne enum1) {
    return new UserDefOne(new UserDefZero(integer), string, enum1);
  }
  @Override public UserDefOptions echoOptionMembers(
      List<Long> i64, List<Long> u64, List<Integer> u16, Long i64x, Long u64x) {
    return new UserDefOptions(i64, u64, u16, i64x, u64x);
  }

  // Unions
  @Override public UserDefListUnion boxedUnion(UserDefListUnion arg) { return arg; }
  @Override public UserDefFlatUnion echoFlatUnion(UserDefFlatUnion arg) { return arg; }
  @Override public UserDefFlatUnion2 echoFlatUnion2(UserDefFlatUnion2 arg) { return arg; }
  @Override public BranchKinds echoBranchKinds(BranchKinds arg) { return arg; }

  // Alternates
  @Override public AllAlternates echoAlternates(AllAlternates all) { return all; }
  @Override public WrapAlternate echoWrapAlternate(UserDefAlternate alt) { return new WrapAlternate(alt); }

  // Downstream
  @Override public OrgQemuXStruct orgQemuXCommand(
      List<OrgQemuXEnum> a, List<OrgQemuXStruct> b, OrgQemuXUnion c, OrgQemuXAlt d, OrgQemuXAlt1 e) {
    return b.isEmpty() ? new OrgQemuXStruct(new OrgQemuXBase(a.get(0)), "none", null) : b.get(b.size() - 1);
  }

  // Conditions
  @Override public TestIfUnion testIfUnionCmd(TestIfUnion unionCmdArg) { return unionCmdArg; }
  @Override public void testIfAlternateCmd(TestIfAlternate altCmdArg) { calls.add("test-if-alternate-cmd " + altCmdArg); }
  @Override public UserDefThree testIfCmd(TestIfStruct foo, TestIfEnum bar) {
    return new UserDefThree(foo.foo() + " " + bar);
  }
  @Override public void testIfNeverCmd() { throw new AssertionError("not in this configuration"); }
  @Override public TestIfStruct testIfNamedCmd(long foo, long bar) {
    calls.add("test-if-named-cmd " + foo + " " + bar);
    return new TestIfStruct(foo, bar);
  }

  // Features
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

  // Events
  @Override public void emitEvents() {
    UserDefOne one = new UserDefOne(new UserDefZero(1), "one", Structs.EnumOne.VALUE1);
    events.eventA();
    events.eventB();
    events.eventC(null, null, "c");
    events.eventC(1L, one, "c");
    events.eventD(new EventStructOne(one, "s", null), "b", null, Structs.EnumOne.VALUE2);
    events.eventE(new UserDefZero(5));
    events.eventF(new UserDefFlatUnion.Other(new UserDefUnionBase(new UserDefZero(6), "f", Structs.EnumOne.VALUE4)));
    events.eventG(new Empty1());
  }
}
