using System.Buffers;
using Marten;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// A value as the store's serializer writes it, in UTF-8: what is hashed and what is bound as <c>jsonb</c>, with no
/// UTF-16 string between the two (half the bytes, and nothing to transcode on either side).
/// </summary>
internal static class Utf8Json
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static byte[] Serialize(ISerializer serializer, object value)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        serializer.WriteTo(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }
}
