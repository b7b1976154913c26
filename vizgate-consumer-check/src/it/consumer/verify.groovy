// The consumer built, and found the sdk's sources and javadoc jars next to it.
def docs = new File(basedir, 'target/docs')
assert new File(basedir, 'target/classes/com/example/portal/PortalEmbedding.class').isFile()
assert docs.listFiles().find { it.name.endsWith('-sources.jar') } != null
assert docs.listFiles().find { it.name.endsWith('-javadoc.jar') } != null
// What the consumer compiles against is the sdk's API: no adapter and no assembly; they are on the runtime classpath.
def compile = new File(basedir, 'target/compile.classpath').text.split(File.pathSeparator).collect { new File(it).name }
def runtime = new File(basedir, 'target/runtime.classpath').text.split(File.pathSeparator).collect { new File(it).name }
assert compile.any { it.startsWith('vizgate-sdk-') }
assert !compile.any { it.startsWith('vizgate-adapters-') || it.startsWith('vizgate-assembly-') } : "adapters on the compile classpath: $compile"
assert runtime.any { it.startsWith('vizgate-assembly-') }
assert runtime.any { it.startsWith('vizgate-adapters-tableau-') }
return true
