using Npgsql;
using NpgsqlTypes;

namespace BsiLedger.EventStore.Marten;

/// <summary>One document table's rows for a batch, as parallel arrays for one set-based upsert.</summary>
/// <param name="capacity">The rows the batch is expected to hold.</param>
internal sealed class DocumentRows(Type document, int capacity = 0)
{
    private readonly List<string> _ids = new(capacity);
    private readonly List<byte[]> _data = new(capacity);
    private readonly List<long> _versions = new(capacity);

    public Type Document { get; } = document;

    /// <summary>What Marten writes in <c>mt_dotnet_type</c>: the document type's full name.</summary>
    public string DotnetType { get; } = document.FullName!;

    public int Count => _ids.Count;

    /// <param name="version">The stream's version after the batch: Marten's <c>mt_version</c> for a projected document.</param>
    public void Add(string id, byte[] json, long version)
    {
        _ids.Add(id);
        _data.Add(json);
        _versions.Add(version);
    }

    public void Bind(NpgsqlParameterCollection parameters)
    {
        parameters.AddWithValue("ids", _ids.ToArray());
        parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = _data.ToArray() });
        parameters.AddWithValue("versions", _versions.ToArray());
        parameters.AddWithValue("dotnet_type", DotnetType);
    }
}
