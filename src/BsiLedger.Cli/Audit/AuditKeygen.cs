using System.CommandLine;
using BsiLedger.Cli.Hosting;
using BsiLedger.EventStore.Integrity.Checkpoints;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Audit;

/// <summary>
/// <c>bsi audit keygen --out DIR [--origin NAME]</c>: the ledger's Ed25519 key pair, DIR/ledger.key (owner-only) and
/// DIR/ledger.pub; prints the public key. Touches no database.
/// </summary>
public static class AuditKeygen
{
    public const string DefaultOrigin = "localhost/bsiledger";

    public static Command Build(CommandRunner runner)
    {
        var directory = new Option<string>("--out") { Description = "The directory to write ledger.key and ledger.pub into (created if missing)", Required = true };
        var origin = new Option<string>("--origin")
        {
            Description = $"The key's name, which is every checkpoint's origin line: a schema-less URL you control, e.g. ledger.example.com/bsi (default {DefaultOrigin})",
            DefaultValueFactory = _ => DefaultOrigin,
        };
        var command = new Command("keygen", "Create the ledger's signing key for checkpoints: DIR/ledger.key (private, owner-only) and DIR/ledger.pub (give it to auditors)")
        {
            directory, origin,
        };
        runner.RegisterStandalone(command, parse =>
        {
            var name = parse.GetValue(origin)!;
            if (!KeyName.IsValid(name))
            {
                throw new UsageException($"--origin '{name}': {KeyName.Rule}");
            }

            var dir = Path.GetFullPath(parse.GetValue(directory)!);
            var privateFile = Path.Combine(dir, "ledger.key");
            var publicFile = Path.Combine(dir, "ledger.pub");
            if (File.Exists(privateFile) || File.Exists(publicFile))
            {
                throw new UsageException($"--out '{dir}' already holds a ledger key; keygen never overwrites one: give another directory");
            }

            if (File.Exists(dir))
            {
                throw new UsageException($"--out '{dir}' is a file; give a directory");
            }

            return async (_, output, ct) =>
            {
                using var key = LedgerKey.Create(name);
                Directory.CreateDirectory(dir);
                var owner = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                await using (var stream = new FileStream(privateFile, owner))
                await using (var writer = new StreamWriter(stream))
                {
                    await writer.WriteLineAsync(key.ToFileText().AsMemory(), ct);
                }

                var publicKey = key.Verifier.ToString();
                await File.WriteAllTextAsync(publicFile, publicKey + "\n", ct);
                output.Write(new { publicKey, privateKeyFile = privateFile, publicKeyFile = publicFile }, console => console.Profile.Out.Writer.WriteLine(publicKey));
                return ExitCodes.Done;
            };
        });
        return command;
    }
}
