using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BsiLedger.EventStore.Postgres;

namespace BsiLedger.EventStore.Tests;

public sealed class FreeTcpPortTests
{
    [Fact]
    public void A_picked_port_is_bindable_and_outside_the_range_outgoing_connections_are_given()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], CultureInfo.InvariantCulture);
        var ports = Enumerable.Range(0, 20).Select(_ => FreeTcpPort.Pick()).ToList();

        Assert.All(ports, port => Assert.InRange(port, 1024, ephemeralStart - 1));
        var listener = new TcpListener(IPAddress.Loopback, ports[0]);
        listener.Start();
        listener.Stop();
    }

    [Fact]
    public void A_process_is_never_given_one_port_twice()
    {
        // Picked before any binds them, as a silo's port and its gateway's are: 500 draws from the ~12,000 ports below
        // the ephemeral range would repeat one almost surely if picks did not remember what they gave.
        var ports = Enumerable.Range(0, 500).Select(_ => FreeTcpPort.Pick()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }
}
