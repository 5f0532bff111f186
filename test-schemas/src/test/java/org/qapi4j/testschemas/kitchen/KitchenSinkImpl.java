package org.qapi4j.testschemas.kitchen;

import java.util.List;

/** The application of the kitchen-sink tests: echoes what it is given. */
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
}
