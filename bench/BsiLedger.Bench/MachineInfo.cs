using System.Runtime;
using System.Runtime.InteropServices;
using Npgsql;

namespace BsiLedger.Bench;

public sealed record MachineInfo(int Processors, string Os, string Runtime, bool ServerGc, string PostgreSql)
{
    public static async Task<MachineInfo> ReadAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var version = database.CreateCommand("show server_version");
        return new MachineInfo(
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            GCSettings.IsServerGC,
            (string)(await version.ExecuteScalarAsync(ct))!);
    }
}
