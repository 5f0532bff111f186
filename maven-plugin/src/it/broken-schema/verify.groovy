// The build failed on the schema's errors, each line of them as `qapi4j check src/main/qapi/broken.json`
// prints it, as a Maven error, then a summary naming the schema.
def log = new File(basedir, 'build.log').text
def expected = [
    "In file included from src/main/qapi/broken.json:3:",
    "src/main/qapi/included.json: In enum 'Color':",
    "src/main/qapi/included.json:3: value 'red' collides with value 'red'",
    "src/main/qapi/broken.json: In command 'query-thing':",
    "src/main/qapi/broken.json:5: command's 'returns' uses unknown type 'NoSuchType'",
]
def errors = log.readLines().findAll { it.startsWith('[ERROR] ') }.collect { it.substring(8) }
assert errors.take(expected.size()) == expected : errors.join('\n')
assert log.contains('QAPI schema src/main/qapi/broken.json has 2 errors (5 lines above)')
assert !new File(basedir, 'target/generated-sources/qapi4j').exists()
return true
