// The plugin imported the schema, the processor compiled it: the dispatch table is there.
def classes = new File(basedir, 'target/classes/example/qapi')
assert new File(classes, 'MachineSchema_Dispatch.class').isFile()
assert new File(basedir, 'target/classes/example/Vm.class').isFile()

// The Javadoc names the schema's files relative to its directory, never by an absolute path.
def sources = new File(basedir, 'target/generated-sources/qapi4j/example/qapi')
def machine = new File(sources, 'MachineCommands.java').text
assert machine.contains('The commands of QAPI module {@code machine.json}.')
def status = new File(sources, 'StatusCommands.java').text
assert status.contains('The commands of QAPI module {@code sub/status.json}.')
def root = basedir.canonicalFile.parentFile.parentFile.parentFile.parentFile.path  // the checkout of qapi4j
sources.eachFileRecurse { f ->
  assert !f.text.contains(basedir.absolutePath) : "${f} names ${basedir.absolutePath}"
  assert !f.text.contains(root) : "${f} names ${root}"
}

// <defined> reached the processor: 'balloon' (if CONFIG_BALLOON) is served, 'screendump'
// (if CONFIG_PIXMAN) is not.
def introspection = new File(classes, 'MachineSchema.qmp-schema.json').text
assert introspection.contains('"balloon"')
assert !introspection.contains('"screendump"')

// The import said what it did.
def log = new File(basedir, 'build.log').text
assert log =~ /QAPI schema src\/main\/qapi\/machine.json \(2 files\): 6 Java files in target\/generated-sources\/qapi4j\/example\/qapi, 6 written/
return true
