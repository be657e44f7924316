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
}
