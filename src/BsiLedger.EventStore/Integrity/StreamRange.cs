using Npgsql;

namespace BsiLedger.EventStore.Integrity;

/// <summary>
/// The streams whose ids lie in [<see cref="From"/>, <see cref="To"/>); a null bound is open. Ranges from
/// <see cref="SplitAsync"/> cover every id, whether or not its stream record exists.
/// </summary>
internal readonly record struct StreamRange(string? From, string? To)
{
    public static StreamRange All => new(null, null);

    /// <summary>The condition on <c>stream_id</c>, with its bounds as the parameters <c>@from</c> and <c>@to</c>.</summary>
    public string Condition => (From, To) switch
    {
        (null, null) => "true",
        (_, null) => "stream_id >= @from",
        (null, _) => "stream_id < @to",
        _ => "stream_id >= @from and stream_id < @to",
    };

    public void Bind(NpgsqlCommand command)
    {
        if (From is not null)
        {
            command.Parameters.AddWithValue("from", From);
        }

        if (To is not null)
        {
            command.Parameters.AddWithValue("to", To);
        }
    }

    /// <summary>About equal shares of the stream records, in the connection's snapshot.</summary>
    public static async Task<IReadOnlyList<StreamRange>> SplitAsync(NpgsqlConnection connection, string streamsTable, int parts, CancellationToken ct)
    {
        if (parts <= 1)
        {
            return [All];
        }

        await using var count = new NpgsqlCommand($"select count(*) from {streamsTable}", connection);
        var streams = (long)(await count.ExecuteScalarAsync(ct))!;
        var bounds = new List<string>();
        for (var part = 1; part < parts; part++)
        {
            await using var at = new NpgsqlCommand($"select id from {streamsTable} order by id offset @skip limit 1", connection);
            at.Parameters.AddWithValue("skip", streams * part / parts);
            if (await at.ExecuteScalarAsync(ct) is string bound && bound != bounds.LastOrDefault())
            {
                bounds.Add(bound);
            }
        }

        var ranges = new List<StreamRange>(bounds.Count + 1);
        string? from = null;
        foreach (var bound in bounds)
        {
            ranges.Add(new StreamRange(from, bound));
            from = bound;
        }

        ranges.Add(new StreamRange(from, null));
        return ranges;
    }
}
