using System.Globalization;
using NSec.Cryptography;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>
/// The ledger's Ed25519 signing key, held in the signed-note private-key form
/// <c>PRIVATE+KEY+NAME+KEYID+BASE64(0x01 ‖ 32-byte seed)</c>. Its name is the origin of every checkpoint it signs.
/// </summary>
public sealed class LedgerKey : IDisposable
{
    public const string ExpectedForm = "PRIVATE+KEY+NAME+KEYID+BASE64 (as `bsi audit keygen` writes ledger.key)";

    private readonly Key _key;

    private LedgerKey(string name, Key key)
    {
        Name = name;
        _key = key;
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        Verifier = new VerifierKey(name, KeyId.Of(name, publicKey), publicKey);
    }

    public string Name { get; }

    public VerifierKey Verifier { get; }

    public static LedgerKey Create(string name)
    {
        if (!KeyName.IsValid(name))
        {
            throw new FormatException($"'{name}' is not a key name: {KeyName.Rule}");
        }

        return new LedgerKey(name, Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
    }

    /// <exception cref="FormatException">Not a private key in the expected form; the message says why.</exception>
    public static LedgerKey Parse(string text)
    {
        var parts = text.Trim().Split('+', 5);
        if (parts.Length != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY" || !KeyName.IsValid(parts[2])
            || !uint.TryParse(parts[3], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
        {
            throw new FormatException($"not a signing key; expected {ExpectedForm}");
        }

        byte[] data;
        try
        {
            data = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException)
        {
            throw new FormatException($"not a signing key (its key is not base64); expected {ExpectedForm}");
        }

        if (data.Length != 33 || data[0] != KeyId.Ed25519)
        {
            throw new FormatException($"not an Ed25519 signing key (type 0x01 and a 32-byte seed); expected {ExpectedForm}");
        }

        var key = new LedgerKey(parts[2], Key.Import(SignatureAlgorithm.Ed25519, data.AsSpan(1), KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
        if (key.Verifier.Id != id)
        {
            key.Dispose();
            throw new FormatException($"not a signing key (its key ID does not match its name and key); expected {ExpectedForm}");
        }

        return key;
    }

    public string ToFileText() =>
        $"PRIVATE+KEY+{Name}+{Verifier.Id:x8}+{Convert.ToBase64String([KeyId.Ed25519, .. _key.Export(KeyBlobFormat.RawPrivateKey)])}";

    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    public void Dispose() => _key.Dispose();
}
