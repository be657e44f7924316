using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace BsiLedger.EventStore.Postgres;

public static class FreeTcpPort
{
    private const int Floor = 20000;

    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>
    /// A loopback port that was free a moment ago; the caller must cope with losing a race for it. It is drawn from
    /// below the kernel's ephemeral range where there is room: a port from that range is what the kernel hands the
    /// next outgoing connection (a connection pool opening), so one picked from it could be taken by such a
    /// connection between the pick and the bind.
    /// </summary>
    public static int Pick()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; below > Floor + 1000 && attempt < 50; attempt++)
        {
            var port = RandomNumberGenerator.GetInt32(Floor, below);
            if (IsFree(port))
            {
                return port;
            }
        }

        return FromKernel();
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText(EphemeralRangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Not Linux, or no /proc: the kernel's own pick.
            return 0;
        }
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static int FromKernel()
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
