using System.Net;
using System.Net.Sockets;

namespace BsiLedger.EventStore.Postgres;

public static class FreeTcpPort
{
    /// <summary>A loopback port that was free a moment ago; the caller must cope with losing a race for it.</summary>
    public static int Pick()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
