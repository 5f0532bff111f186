// The second build found the schema files, the configuration and the output unchanged.
def log = new File(basedir, 'build.log').text
assert log.contains('QAPI schema src/main/qapi/machine.json is up to date (2 schema files unchanged, 6 Java files in target/generated-sources/qapi4j)') : log
def state = new File(basedir, 'target/qapi4j/default.state').text
assert state.contains(' src/main/qapi/machine.json\n')
assert state.contains(' src/main/qapi/sub/status.json\n')
assert state.contains('output example/qapi/MachineSchema.java\n')
return true
