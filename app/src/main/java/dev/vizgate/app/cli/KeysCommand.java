package dev.vizgate.app.cli;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.adapters.keystore.KeyMaterialException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Makes key material: see vizgate keys init --help.",
        subcommands = KeysCommand.Init.class)
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: keys init");
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Makes a private key and a self-signed certificate for the JWT bearer flow or EAS.",
                    "It writes DIR/private-key.pem (PKCS#8, mode 0600) and DIR/sf_public_cert.crt. An RSA certificate is what you upload to the"
                            + " External Client App; an EC (--ec) key is for EAS only, as Salesforce's JWT bearer flow takes RS256."})
    static final class Init implements Callable<Integer> {
        @CommandLine.ParentCommand
        KeysCommand keys;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
        Path out;

        @Option(names = "--cn", defaultValue = "vizgate", paramLabel = "NAME", description = "The certificate's common name. Default: ${DEFAULT-VALUE}.")
        String cn;

        @Option(names = "--bits", defaultValue = "2048", paramLabel = "N", description = "RSA key size: 2048, 3072 or 4096. Default: ${DEFAULT-VALUE}.")
        int bits;

        @Option(names = "--ec", description = "An EC P-256 key instead of RSA (EAS ES256; Salesforce's JWT bearer flow needs RSA).")
        boolean ec;

        @Option(names = "--days", defaultValue = "365", paramLabel = "N", description = "Certificate validity in days. Default: ${DEFAULT-VALUE}.")
        int days;

        @Option(names = "--force", description = "Replace existing files.")
        boolean force;

        @Override
        public Integer call() {
            var root = (VizgateCommand) keys.spec.parent().userObject();
            if (!ec && !KeyGeneration.RSA_SIZES.contains(bits)) {
                throw new Cli.UsageError("--bits must be 2048, 3072 or 4096, not " + bits);
            }
            if (days < 1) {
                throw new Cli.UsageError("--days must be at least 1");
            }
            var generated = KeyGeneration.generate(ec ? KeyGeneration.Kind.EC_P256 : KeyGeneration.Kind.RSA, bits, cn,
                    Duration.ofDays(days), root.context().clock());
            var keyFile = out.resolve("private-key.pem");
            var certFile = out.resolve("sf_public_cert.crt");
            try {
                if (!force && (keyFile.toFile().exists() || certFile.toFile().exists())) {
                    throw new KeyMaterialException(KeyMaterialException.Problem.UNREADABLE, out.toString(),
                            "already holds private-key.pem or sf_public_cert.crt; not overwritten", "choose another --out folder, or pass --force");
                }
                KeyGeneration.writePrivateKey(generated, keyFile, force);
                KeyGeneration.writeCertificate(generated, certFile, force);
            } catch (KeyMaterialException e) {
                var err = root.spec.commandLine().getErr();
                err.println("failed: " + e.getMessage());
                err.println("  fix: " + e.fix());
                err.flush();
                return VizgateCommand.EXIT_USAGE;
            }
            var w = root.spec.commandLine().getOut();
            w.println("wrote " + keyFile + " (PKCS#8, mode 0600; keep it secret)");
            w.println("wrote " + certFile + (ec
                    ? " (an EC key is for EAS signing-keys; Salesforce's JWT bearer flow takes RS256, so do not upload this one there)"
                    : " (upload it to the External Client App)"));
            w.println("SHA-256 fingerprint: " + KeyGeneration.fingerprint(generated.certificate()));
            w.println("expires: " + generated.certificate().getNotAfter().toInstant());
            w.flush();
            return VizgateCommand.EXIT_OK;
        }
    }
}
