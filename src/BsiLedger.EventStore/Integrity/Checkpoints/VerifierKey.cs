using System.Globalization;
using NSec.Cryptography;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>
/// The public half of the ledger's key in the signed-note verifier form <c>NAME+KEYID+BASE64(0x01 ‖ public key)</c>
/// (KEYID as 8 lower-case hex digits): what an auditor is given and trusts.
/// </summary>
public sealed record VerifierKey(string Name, uint Id, byte[] PublicKey)
{
    public const string ExpectedForm = "NAME+KEYID+BASE64 (one line, as `bsi audit keygen` writes ledger.pub)";

    public override string ToString() =>
        $"{Name}+{Id:x8}+{Convert.ToBase64String([KeyId.Ed25519, .. PublicKey])}";

    public bool Verifies(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, PublicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key, message, signature);
    }

    /// <exception cref="FormatException">Not a verifier key of an Ed25519 signed-note key; the message says why.</exception>
    public static VerifierKey Parse(string text)
    {
        var parts = text.Trim().Split('+', 3);
        if (parts.Length != 3 || !KeyName.IsValid(parts[0]))
        {
            throw new FormatException($"not a verifier key; expected {ExpectedForm}");
        }

        if (parts[1].Length != 8 || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
        {
            throw new FormatException($"not a verifier key (its key ID '{parts[1]}' is not 8 hex digits); expected {ExpectedForm}");
        }

        byte[] data;
        try
        {
            data = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            throw new FormatException($"not a verifier key (its key is not base64); expected {ExpectedForm}");
        }

        if (data.Length != 33 || data[0] != KeyId.Ed25519)
        {
            throw new FormatException($"not an Ed25519 verifier key (type 0x01 and 32 bytes); expected {ExpectedForm}");
        }

        var key = new VerifierKey(parts[0], id, data[1..]);
        if (KeyId.Of(key.Name, key.PublicKey) != id)
        {
            throw new FormatException($"not a verifier key (its key ID does not match its name and key); expected {ExpectedForm}");
        }

        return key;
    }

    public bool Equals(VerifierKey? other) =>
        other is not null && Name == other.Name && Id == other.Id && PublicKey.AsSpan().SequenceEqual(other.PublicKey);

    public override int GetHashCode() => HashCode.Combine(Name, Id);
}
