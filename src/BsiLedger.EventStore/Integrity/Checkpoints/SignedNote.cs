using System.Buffers.Binary;
using System.Text;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>
/// A C2SP signed note: a text ending in a newline, a blank line, then one line per signature. The signature is
/// Ed25519 (RFC 8032) over the text's UTF-8 bytes, final newline included.
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    public const string ExpectedForm = "a C2SP signed note: text ending in a newline, a blank line, then lines `— NAME BASE64SIGNATURE`";

    private const char EmDash = '\u2014';

    public static SignedNote Sign(string text, LedgerKey key)
    {
        var signature = key.Sign(Encoding.UTF8.GetBytes(text));
        return new SignedNote(text, [new NoteSignature(key.Name, key.Verifier.Id, signature)]);
    }

    public override string ToString()
    {
        var note = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            var blob = new byte[4 + signature.Signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(blob, signature.KeyId);
            signature.Signature.CopyTo(blob, 4);
            note.Append(EmDash).Append(' ').Append(signature.Name).Append(' ').Append(Convert.ToBase64String(blob)).Append('\n');
        }

        return note.ToString();
    }

    /// <summary>Whether a signature by <paramref name="key"/> (same name and key ID) is on the note and verifies.</summary>
    public bool IsSignedBy(VerifierKey key)
    {
        var ours = Signatures.Where(s => s.Name == key.Name && s.KeyId == key.Id).ToList();
        var text = Encoding.UTF8.GetBytes(Text);
        return ours.Count > 0 && ours.All(s => key.Verifies(text, s.Signature));
    }

    /// <exception cref="FormatException">Not a signed note; the message says what is wrong.</exception>
    public static SignedNote Parse(string note)
    {
        if (note.Any(c => char.IsControl(c) && c != '\n'))
        {
            throw new FormatException($"not a signed note (it holds control characters other than newline); expected {ExpectedForm}");
        }

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            throw new FormatException($"not a signed note (no blank line before signatures, or no final newline); expected {ExpectedForm}");
        }

        var text = note[..(split + 1)];
        var signatures = new List<NoteSignature>();
        foreach (var line in note[(split + 2)..^1].Split('\n'))
        {
            signatures.Add(ParseSignature(line));
        }

        return new SignedNote(text, signatures);
    }

    private static NoteSignature ParseSignature(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[0] != EmDash.ToString() || !KeyName.IsValid(parts[1]))
        {
            throw new FormatException($"not a signed note (a signature line is not `— NAME BASE64`: '{line}'); expected {ExpectedForm}");
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            throw new FormatException($"not a signed note (a signature is not base64); expected {ExpectedForm}");
        }

        if (blob.Length < 5)
        {
            throw new FormatException($"not a signed note (a signature is shorter than its key ID); expected {ExpectedForm}");
        }

        return new NoteSignature(parts[1], BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]);
    }
}
