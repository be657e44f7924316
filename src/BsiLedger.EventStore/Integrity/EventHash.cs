using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// A SHA-256 digest held as four words, so a grain can keep its stream's head without a heap object.
/// <see cref="None"/> (all zeros) stands before the first event of every stream.
/// </summary>
public readonly record struct EventHash(ulong W0, ulong W1, ulong W2, ulong W3)
{
    public const int Size = SHA256.HashSizeInBytes;

    public static EventHash None => default;

    public static EventHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"a SHA-256 digest is {Size} bytes, not {bytes.Length}", nameof(bytes));
        }

        return new EventHash(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    [ThreadStatic]
    private static IncrementalHash? _sha256;

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    /// <remarks>One hasher per thread, reset after each digest: the one-shot API sets up a new digest context per call.</remarks>
    public static EventHash Of(ReadOnlySpan<byte> data)
    {
        var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> digest = stackalloc byte[Size];
        sha256.AppendData(data);
        sha256.GetHashAndReset(digest);
        return FromBytes(digest);
    }

    public static bool TryParse(string? hex, out EventHash hash)
    {
        hash = None;
        if (hex is not { Length: Size * 2 })
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size)
        {
            return false;
        }

        hash = FromBytes(bytes);
        return true;
    }

    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, W0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], W1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], W2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], W3);
    }

    /// <summary>Lower-case hex as UTF-8 into the first 64 bytes of <paramref name="destination"/>.</summary>
    public void WriteHex(Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        for (var i = 0; i < Size; i++)
        {
            destination[2 * i] = (byte)"0123456789abcdef"[bytes[i] >> 4];
            destination[(2 * i) + 1] = (byte)"0123456789abcdef"[bytes[i] & 0xF];
        }
    }

    /// <summary>Lower-case hex, as the ledger stores it and docs/tamper-evidence.md specifies.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
