using System.Globalization;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>
/// A C2SP tlog-checkpoint: the origin (the ledger key's name), the tree size in decimal and the RFC 6962 root in
/// base64, one per line. The tree is the digest's: the first <see cref="Size"/> ledger events in sequence order.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, EventHash Root)
{
    public string ToNoteText()
    {
        Span<byte> root = stackalloc byte[EventHash.Size];
        Root.CopyTo(root);
        return $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(root)}\n";
    }

    /// <exception cref="FormatException">The note's text is not a checkpoint; the message says what is wrong.</exception>
    public static Checkpoint Parse(string noteText)
    {
        var lines = noteText.Split('\n');
        if (lines.Length < 4 || lines[^1] != "")
        {
            throw new FormatException("not a checkpoint (its text is not origin, size and root hash, one per line)");
        }

        if (!KeyName.IsValid(lines[0]))
        {
            throw new FormatException($"not a checkpoint (its origin '{lines[0]}' is not a key name)");
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || (lines[1].Length > 1 && lines[1][0] == '0'))
        {
            throw new FormatException($"not a checkpoint (its size '{lines[1]}' is not a decimal number)");
        }

        Span<byte> root = stackalloc byte[EventHash.Size];
        if (!Convert.TryFromBase64String(lines[2], root, out var written) || written != EventHash.Size)
        {
            throw new FormatException("not a checkpoint (its root is not a base64 SHA-256 hash)");
        }

        return new Checkpoint(lines[0], size, EventHash.FromBytes(root));
    }
}
