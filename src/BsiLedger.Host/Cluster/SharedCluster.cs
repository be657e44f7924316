using System.Net;

namespace BsiLedger.Host.Cluster;

/// <summary>
/// A silo that joins the cluster registered in the ledger's database under <paramref name="ClusterId"/>, rather than a
/// private cluster of its own: for long-lived silos (<c>bsi serve</c>) only, since the cluster places grains on it.
/// </summary>
/// <param name="Advertise">The address the other silos and the clients reach this one at.</param>
/// <param name="SiloPort">Silo-to-silo traffic; never 0.</param>
/// <param name="GatewayPort">Where clients connect; never 0.</param>
public sealed record SharedCluster(string ClusterId, IPAddress Advertise, int SiloPort, int GatewayPort)
{
    public const string DefaultId = "bsiledger";

    /// <summary>
    /// What the silo binds: the advertised address when it is a loopback one (nothing off this machine is meant to
    /// reach it), every interface otherwise (the advertised address may be one a NAT forwards).
    /// </summary>
    public IPAddress Listen => IPAddress.IsLoopback(Advertise) ? Advertise : IPAddress.Any;
}
