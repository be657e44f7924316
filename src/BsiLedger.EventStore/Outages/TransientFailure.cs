using System.Net.Sockets;
using Npgsql;

namespace BsiLedger.EventStore.Outages;

/// <summary>
/// A failure that says nothing about the command, only about the database right now: a dropped connection, a server
/// shutting down or starting up, no free connection slot. Worth waiting out; anything else is reported at once.
/// </summary>
public static class TransientFailure
{
    // 08: connection exceptions; 53300: too many connections; 57P01-57P03: admin or crash shutdown, cannot connect now.
    private static readonly string[] Codes = ["53300", "57P01", "57P02", "57P03"];

    public static bool Is(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || Codes.Contains(p.SqlState),
        // Npgsql's own judgement covers a broken socket, a refused connection and a pool with no free connection in time.
        NpgsqlException n => n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutException => true,
        _ => e.InnerException is { } inner && Is(inner),
    };
}
