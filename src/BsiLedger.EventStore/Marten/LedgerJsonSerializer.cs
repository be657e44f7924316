using System.Buffers;
using System.Text.Json;
using Marten;
using Weasel.Core;
using SystemTextJsonSerializer = Marten.Services.SystemTextJsonSerializer;

namespace BsiLedger.EventStore.Marten;

/// <summary>
/// The store's serializer: Marten's System.Text.Json one with enums stored as their names and a cause written as a
/// value (<see cref="CauseJsonConverter"/>), which can also write a value as UTF-8 bytes through a writer kept per
/// thread, for what is hashed and bound as <c>jsonb</c> on every append. Marten's own
/// <see cref="SystemTextJsonSerializer.WriteTo"/> builds a new writer for every value.
/// </summary>
public sealed class LedgerJsonSerializer : SystemTextJsonSerializer
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    // Marten configures its option sets alike; the first it hands over writes exactly what ToJson writes
    // (LedgerJsonSerializerTests holds them to that).
    private readonly JsonSerializerOptions _writeOptions;

    public LedgerJsonSerializer()
    {
        EnumStorage = EnumStorage.AsString;
        JsonSerializerOptions? first = null;
        Configure(options =>
        {
            options.Converters.Add(new CauseJsonConverter());
            first ??= options;
        });
        _writeOptions = first ?? throw new InvalidOperationException("Marten's serializer handed over no options to write with");
    }

    /// <summary>The serializer the store was built with.</summary>
    public static LedgerJsonSerializer Of(IDocumentStore store) =>
        store.Options.Serializer() as LedgerJsonSerializer
        ?? throw new InvalidOperationException($"the ledger's store must serialize with {nameof(LedgerJsonSerializer)} (LedgerStoreOptions.Configure sets it)");

    /// <summary>The value as <see cref="SystemTextJsonSerializer.ToJson"/> writes it, in UTF-8: half the bytes, nothing to transcode.</summary>
    public byte[] ToUtf8Json(object value)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, value.GetType(), _writeOptions);
        return buffer.WrittenSpan.ToArray();
    }
}
