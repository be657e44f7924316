using System.Net;
using System.Net.Sockets;
using BsiLedger.EventStore.Postgres;
using BsiLedger.Host.Cluster;
using BsiLedger.Operations.Input;

namespace BsiLedger.Cli.Serving;

/// <summary>Where a served silo listens and what it advertises, from <c>--advertise</c>, <c>--silo-port</c> and <c>--gateway-port</c>.</summary>
public static class SiloEndpoints
{
    /// <summary>
    /// A port the user gave is checked now, before the database is touched; a port not given is a free one, found in the
    /// membership table by whoever needs it.
    /// </summary>
    /// <exception cref="PortInUseException">A given port is taken.</exception>
    public static SharedCluster Resolve(string clusterId, IPAddress advertise, int? siloPort, int? gatewayPort)
    {
        var cluster = new SharedCluster(clusterId, advertise, siloPort ?? FreeTcpPort.Pick(), gatewayPort ?? FreeTcpPort.Pick());
        if (siloPort is { } silo)
        {
            EnsureFree(cluster.Listen, silo, "--silo-port");
        }

        if (gatewayPort is { } gateway)
        {
            EnsureFree(cluster.Listen, gateway, "--gateway-port");
        }

        return cluster;
    }

    /// <summary>
    /// Without <c>--advertise</c>: the loopback address for an embedded server or a database on this machine (a cluster on
    /// one machine), otherwise the address this machine reaches the database from, which is on the network the silos
    /// of a cluster spread over share.
    /// </summary>
    public static IPAddress DefaultAdvertise(string? explicitConnection)
    {
        if (explicitConnection is null)
        {
            return IPAddress.Loopback;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(explicitConnection);
        var host = (builder.Host ?? "").Split(',')[0].Trim();
        if (host.Length == 0 || host.StartsWith('/') || host == "localhost")
        {
            return IPAddress.Loopback;
        }

        try
        {
            var database = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
            if (database is null || IPAddress.IsLoopback(database))
            {
                return IPAddress.Loopback;
            }

            // Connecting a UDP socket sends nothing: it only asks the kernel which local address routes there.
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(database, builder.Port);
            return ((IPEndPoint)probe.LocalEndPoint!).Address;
        }
        catch (SocketException)
        {
            return IPAddress.Loopback;
        }
    }

    public static IPAddress ParseAdvertise(string text) =>
        IPAddress.TryParse(text, out var address) && !new[] { IPAddress.Any, IPAddress.None, IPAddress.IPv6Any, IPAddress.IPv6None }.Contains(address)
            ? address
            : throw new UsageException($"--advertise: '{text}' is not an IP address other silos can reach this one at: expected e.g. --advertise 10.0.0.5");

    private static void EnsureFree(IPAddress listen, int port, string option)
    {
        var listener = new TcpListener(listen, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new PortInUseException(option, port);
        }
        finally
        {
            listener.Stop();
        }
    }
}
