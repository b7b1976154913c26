// The consumer built, and found the sdk's sources and javadoc jars next to it.
def docs = new File(basedir, 'target/docs')
assert new File(basedir, 'target/classes/com/example/portal/PortalEmbedding.class').isFile()
assert docs.listFiles().find { it.name.endsWith('-sources.jar') } != null
assert docs.listFiles().find { it.name.endsWith('-javadoc.jar') } != null
return true
