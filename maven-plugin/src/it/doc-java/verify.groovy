// The doc goal read the Java schema through javac and wrote its manual from the Javadoc.
def html = new File(basedir, 'target/qapi4j-manual/index.html').text
assert html.contains('<title>vm QMP Reference Manual</title>')
assert html.contains('<section class="module" id="module-Vm">')
assert html.contains('<p>Queries the run status.</p>')
assert html.contains('<span class="since">Since: 1.0</span>')
assert html.contains('<span class="send">-&gt; { &quot;execute&quot;: &quot;query-status&quot; }</span>')
assert html.contains('<p>the status, see <a href="#type-Status"><code>Status</code></a></p>')
assert html.contains('<dt><code>running</code>: <a href="#type-bool"><code>bool</code></a></dt>\n<dd><p>true if the VM runs</p>')
assert html.contains('<section class="definition event" id="event-STOP">')

def ids = (html =~ / id="([^"]*)"/).collect { it[1] } as Set
def links = (html =~ / href="#([^"]*)"/).collect { it[1] } as Set
assert ids.containsAll(links) : "missing anchors: ${links - ids}"

def log = new File(basedir, 'build.log').text
assert log =~ /Java schema example.Vm: manual target\/qapi4j-manual\/index.html \(1 commands, 1 events\), in \d+ ms/
return true
