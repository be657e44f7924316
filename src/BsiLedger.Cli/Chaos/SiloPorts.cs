using BsiLedger.EventStore.Postgres;

namespace BsiLedger.Cli.Chaos;

/// <summary>A silo's three ports, kept across its restarts so it comes back where it was.</summary>
public sealed record SiloPorts(int Http, int Silo, int Gateway)
{
    public static SiloPorts Pick() => new(FreeTcpPort.Pick(), FreeTcpPort.Pick(), FreeTcpPort.Pick());
}
