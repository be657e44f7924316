using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BsiLedger.EventStore.Integrity.Checkpoints;

/// <summary>The signed-note key ID of an Ed25519 key: the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), big-endian.</summary>
public static class KeyId
{
    public const byte Ed25519 = 0x01;

    public static uint Of(string name, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = Ed25519;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
