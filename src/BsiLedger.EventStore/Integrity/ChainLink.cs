using System.Buffers;
using System.Text.Json;
using BsiLedger.Domain;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// One event's link in its stream's hash chain: SHA-256 over the RFC 8785 form of
/// <c>{"causationId","correlationId","data","previous","stream","type","version"}</c>, where <c>previous</c> is the
/// hex hash of the stream's event before it (64 zeros before version 1). docs/tamper-evidence.md is the spec.
/// </summary>
public static class ChainLink
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static EventHash Hash(EventHash previous, string streamId, long version, string typeName, JsonElement data, Provenance provenance)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        buffer.Write("{\"causationId\":"u8);
        CanonicalJson.WriteString(provenance.CausationId, buffer);
        buffer.Write(",\"correlationId\":"u8);
        CanonicalJson.WriteString(provenance.CorrelationId, buffer);
        buffer.Write(",\"data\":"u8);
        CanonicalJson.Write(data, buffer);
        buffer.Write(",\"previous\":\""u8);
        previous.WriteHex(buffer.GetSpan(2 * EventHash.Size));
        buffer.Advance(2 * EventHash.Size);
        buffer.Write("\""u8);
        buffer.Write(",\"stream\":"u8);
        CanonicalJson.WriteString(streamId, buffer);
        buffer.Write(",\"type\":"u8);
        CanonicalJson.WriteString(typeName, buffer);
        buffer.Write(",\"version\":"u8);
        CanonicalJson.WriteNumber(version, buffer);
        buffer.Write("}"u8);
        return EventHash.Of(buffer.WrittenSpan);
    }
}
