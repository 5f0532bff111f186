// The doc goal wrote the manual: the page and its style sheet.
def dir = new File(basedir, 'target/qapi4j-manual')
def html = new File(dir, 'index.html').text
assert new File(dir, 'manual.css').isFile()
assert html.contains('<title>VM QMP Reference</title>')
assert html.contains('<section class="definition command" id="command-query-status">')
assert html.contains('<p class="type"><a href="#type-StatusInfo"><code>StatusInfo</code></a></p>')
assert html.contains('<li><a href="#module-vm.json">The VM</a></li>\n<li><a href="#module-status.json">Status</a></li>')
assert html.contains('<span class="if">If: <code>CONFIG_SPICE</code></span>')

// Every link within the page has its anchor.
def ids = (html =~ / id="([^"]*)"/).collect { it[1] } as Set
def links = (html =~ / href="#([^"]*)"/).collect { it[1] } as Set
assert ids.containsAll(links) : "missing anchors: ${links - ids}"

// The build with CONFIG_KVM only has no query-spice.
def kvm = new File(basedir, 'target/manual-kvm/index.html').text
assert kvm.contains('<title>vm QMP Reference Manual</title>')
assert !kvm.contains('query-spice')

// The goal said what it wrote.
def log = new File(basedir, 'build.log').text
assert log =~ /QAPI schema src\/main\/qapi\/vm.json: manual target\/qapi4j-manual\/index.html \(2 commands, 0 events\), in \d+ ms/
assert log =~ /QAPI schema src\/main\/qapi\/vm.json: manual target\/manual-kvm\/index.html \(1 commands, 0 events\), in \d+ ms/
return true
