package org.example.golden;

import java.util.List;
import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Type;
import org.qapi4j.runtime.QType;
import org.qapi4j.runtime.json.JsonValue;

/**
 * A struct with a member of every kind: see {@code Parent}, and mind 1 &lt; 2 &amp; 3 &gt; 2,
 * *&#47; &#92;u0041 and a lone &#64; sign.
 *
 * <p>Since: 7.2
 *
 * @param wait_ a name a record component cannot take
 * @param default_ a Java keyword
 * @param nodeName optional
 * @param n an unsigned byte
 * @param i8 int8
 * @param i16 int16
 * @param i32 int32
 * @param i64 int64
 * @param u16 uint16
 * @param u32 uint32
 * @param u64 uint64
 * @param sz size
 * @param sizes a list of sizes
 * @param ratio an optional number
 * @param flag an optional boolean
 * @param count an optional int
 * @param blob any value
 * @param kind a QType
 * @param colors a list of enums
 * @param parents an optional list of structs
 * @param xDebug unstable
 * @param comRedhatHint a vendor's member
 * @param cond only without CONFIG_X
 * @param old deprecated with CONFIG_OLD
 * @param default2 the same Java name as another
 */
@Feature("my-feature")
public record Sock(
    @Base Parent base,
    @Name("wait") boolean wait_,
    @Name("default") long default_,
    @Optional String nodeName,
    @Type("uint8") short n,
    byte i8,
    short i16,
    int i32,
    @Type("int64") long i64,
    @Type("uint16") int u16,
    @Type("uint32") long u32,
    @Type("uint64") long u64,
    @Type("size") long sz,
    @Type("size") List<Long> sizes,
    @Optional Double ratio,
    @Optional Boolean flag,
    @Optional Long count,
    JsonValue blob,
    QType kind,
    List<Arch> colors,
    @Optional List<Parent> parents,
    @Feature("unstable") boolean xDebug,
    @Name("__com.redhat_hint") String comRedhatHint,
    @If("not(CONFIG_X)") String cond,
    @Feature(value = "deprecated", condition = "CONFIG_OLD") @Optional Long old,
    String default2
) {}
