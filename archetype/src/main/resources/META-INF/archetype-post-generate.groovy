// Keeps the files of the chosen kind (handler or vendor) and removes the other kind's.
def kind = request.properties.get('kind')
def prefix = request.properties.get('classPrefix')
def kinds = [
    handler: ['Handler', 'HandlerFactory', 'HandlerTest'],
    vendor : ['Vendor', 'VendorFactory', 'Verifier', 'Signer', 'Parser', 'Event', 'ConformanceTest'],
]
if (!kinds.containsKey(kind)) {
    throw new IllegalArgumentException("kind must be handler or vendor, not '" + kind + "'")
}
def root = new File(request.outputDirectory, request.artifactId)
def packagePath = request.properties.get('package').replace('.', '/')
kinds.findAll { it.key != kind }.each { other, roles ->
    roles.each { role ->
        ['src/main/java', 'src/test/java'].each { dir ->
            def file = new File(root, dir + '/' + packagePath + '/' + prefix + role + '.java')
            if (file.exists() && !file.delete()) {
                throw new IllegalStateException('cannot delete ' + file)
            }
        }
    }
}
